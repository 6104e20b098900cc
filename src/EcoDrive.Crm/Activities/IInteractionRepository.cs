namespace EcoDrive.Crm.Activities;

/// <summary>Port: where interactions are kept. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IInteractionRepository
{
    /// <summary>Finds an interaction by id.</summary>
    /// <param name="id">The interaction's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The interaction, or <see langword="null"/> when there is none.</returns>
    Task<Interaction?> FindAsync(InteractionId id, CancellationToken cancellationToken = default);

    /// <summary>Every interaction with a customer or lead, oldest first.</summary>
    /// <param name="party">The customer or lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Interaction>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default);

    /// <summary>Stages a newly logged interaction.</summary>
    /// <param name="interaction">The interaction.</param>
    void Add(Interaction interaction);
}
