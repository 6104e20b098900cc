using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Application.Messaging;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="SalesOrderService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="orderViews">The CRM's orders.</param>
/// <param name="customers">The customers that orders are for.</param>
/// <param name="catalogue">The catalogue that orders may be priced from.</param>
/// <param name="outbox">The outbox that hands each order to the ERP.</param>
/// <param name="users">The users who may approve a discount.</param>
public sealed class SalesOrderPorts(IOrderViewRepository orderViews, ICustomerRepository customers, IProductCatalogue catalogue, IOutbox outbox, IUserDirectory users)
{
    internal IOrderViewRepository OrderViews { get; } = orderViews;

    internal ICustomerRepository Customers { get; } = customers;

    internal IProductCatalogue Catalogue { get; } = catalogue;

    internal IOutbox Outbox { get; } = outbox;

    internal IUserDirectory Users { get; } = users;
}
