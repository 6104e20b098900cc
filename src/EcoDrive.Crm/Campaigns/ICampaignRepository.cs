using EcoDrive.Core.Customers;

namespace EcoDrive.Crm.Campaigns;

/// <summary>Port: where campaigns are kept. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface ICampaignRepository
{
    /// <summary>Finds a campaign by id.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The campaign, or <see langword="null"/> when there is none.</returns>
    Task<Campaign?> FindAsync(CampaignId id, CancellationToken cancellationToken = default);

    /// <summary>Stages a new campaign.</summary>
    /// <param name="campaign">The campaign.</param>
    void Add(Campaign campaign);

    /// <summary>Stages the changes of a campaign read from this repository.</summary>
    /// <param name="campaign">The campaign.</param>
    void Update(Campaign campaign);
}

/// <summary>
/// Port: reads every customer, for audience resolution. (Core's <see cref="ICustomerRepository"/> finds one
/// customer at a time; campaigns need them all.)
/// </summary>
public interface ICustomerDirectory
{
    /// <summary>Every customer, read in the current unit of work.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Customer>> FindAllAsync(CancellationToken cancellationToken = default);
}
