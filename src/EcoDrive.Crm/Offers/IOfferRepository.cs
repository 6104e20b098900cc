namespace EcoDrive.Crm.Offers;

/// <summary>Port: where offers are kept. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IOfferRepository
{
    /// <summary>Finds an offer by id.</summary>
    /// <param name="id">The offer's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The offer, or <see langword="null"/> when there is none.</returns>
    Task<Offer?> FindAsync(OfferId id, CancellationToken cancellationToken = default);

    /// <summary>Every offer made to a customer or lead, oldest first.</summary>
    /// <param name="party">The customer or lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Offer>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default);

    /// <summary>The sent offers whose validity ended before <paramref name="asOf"/> and that nobody answered: the ones to expire.</summary>
    /// <param name="asOf">The time to judge at.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Offer>> FindSentExpiredAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>Stages a new offer.</summary>
    /// <param name="offer">The offer.</param>
    void Add(Offer offer);

    /// <summary>Stages the changes of an offer read from this repository.</summary>
    /// <param name="offer">The offer.</param>
    void Update(Offer offer);
}
