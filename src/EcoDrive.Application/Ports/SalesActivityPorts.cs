using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="SalesActivityService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="interactions">The interactions with customers and leads.</param>
/// <param name="followUps">The follow-ups.</param>
/// <param name="customers">The customers that interactions and follow-ups may concern.</param>
/// <param name="leads">The leads that interactions and follow-ups may concern.</param>
/// <param name="users">The users a follow-up can be assigned to.</param>
public sealed class SalesActivityPorts(
    IInteractionRepository interactions,
    IFollowUpRepository followUps,
    ICustomerRepository customers,
    ILeadRepository leads,
    IUserDirectory users)
{
    internal IInteractionRepository Interactions { get; } = interactions;

    internal IFollowUpRepository FollowUps { get; } = followUps;

    internal ICustomerRepository Customers { get; } = customers;

    internal ILeadRepository Leads { get; } = leads;

    internal IUserDirectory Users { get; } = users;
}
