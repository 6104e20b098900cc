namespace EcoDrive.Crm.Leads;

/// <summary>Port: where leads are kept. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface ILeadRepository
{
    /// <summary>Finds a lead by id.</summary>
    /// <param name="id">The lead's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lead, or <see langword="null"/> when there is none.</returns>
    Task<Lead?> FindAsync(LeadId id, CancellationToken cancellationToken = default);

    /// <summary>Every lead that has not become a customer (any stage but <see cref="LeadStage.Won"/>): the prospects a campaign can target.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Lead>> FindProspectsAsync(CancellationToken cancellationToken = default);

    /// <summary>The leads that came from <paramref name="campaignId"/> (their source is that campaign), to measure its conversion.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Lead>> FindByCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken = default);

    /// <summary>Stages a new lead.</summary>
    /// <param name="lead">The lead.</param>
    void Add(Lead lead);

    /// <summary>Stages the changes of a lead read from this repository.</summary>
    /// <param name="lead">The lead.</param>
    void Update(Lead lead);
}
