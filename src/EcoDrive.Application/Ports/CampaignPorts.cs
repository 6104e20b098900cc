using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="CampaignService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="campaigns">The campaigns.</param>
/// <param name="leads">The prospects in an audience, and the leads that answered a campaign.</param>
/// <param name="customerDirectory">The customers in an audience.</param>
/// <param name="orderViews">The customers' orders, for segments on purchase history.</param>
public sealed class CampaignPorts(
    ICampaignRepository campaigns,
    ILeadRepository leads,
    ICustomerDirectory customerDirectory,
    IOrderViewRepository orderViews)
{
    internal ICampaignRepository Campaigns { get; } = campaigns;

    internal ILeadRepository Leads { get; } = leads;

    internal ICustomerDirectory CustomerDirectory { get; } = customerDirectory;

    internal IOrderViewRepository OrderViews { get; } = orderViews;
}
