using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="LeadService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="leads">The leads.</param>
/// <param name="customers">The customers that won leads become or are linked to.</param>
/// <param name="campaigns">The campaigns a captured lead may answer.</param>
/// <param name="users">The users a lead can be handed to.</param>
public sealed class LeadPorts(ILeadRepository leads, ICustomerRepository customers, ICampaignRepository campaigns, IUserDirectory users)
{
    internal ILeadRepository Leads { get; } = leads;

    internal ICustomerRepository Customers { get; } = customers;

    internal ICampaignRepository Campaigns { get; } = campaigns;

    internal IUserDirectory Users { get; } = users;
}
