using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Application.Messaging;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="OfferService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="offers">The offers.</param>
/// <param name="leads">The leads that offers are made to, moved on when an offer is sent.</param>
/// <param name="customers">The customers that offers are made to.</param>
/// <param name="catalogue">The catalogue that offers are priced from.</param>
/// <param name="orderViews">The CRM's orders, where an accepted offer's order is recorded.</param>
/// <param name="outbox">The outbox that hands that order to the ERP.</param>
/// <param name="users">The users who may approve a discount.</param>
public sealed class OfferPorts(
    IOfferRepository offers,
    ILeadRepository leads,
    ICustomerRepository customers,
    IProductCatalogue catalogue,
    IOrderViewRepository orderViews,
    IOutbox outbox,
    IUserDirectory users)
{
    internal IOfferRepository Offers { get; } = offers;

    internal ILeadRepository Leads { get; } = leads;

    internal ICustomerRepository Customers { get; } = customers;

    internal IProductCatalogue Catalogue { get; } = catalogue;

    internal IOrderViewRepository OrderViews { get; } = orderViews;

    internal IOutbox Outbox { get; } = outbox;

    internal IUserDirectory Users { get; } = users;
}
