using EcoDrive.Application.Messaging;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="FulfilmentService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="catalogue">The catalogue.</param>
/// <param name="stock">The stock of each product.</param>
/// <param name="orders">The ERP's orders.</param>
/// <param name="purchaseOrders">The purchase orders, for what they still bring to the stock levels.</param>
/// <param name="outbox">The outbox that reports each order's new status to the CRM.</param>
public sealed class FulfilmentPorts(
    IProductCatalogue catalogue,
    IStockRepository stock,
    IOrderRepository orders,
    IPurchaseOrderRepository purchaseOrders,
    IOutbox outbox)
{
    internal IProductCatalogue Catalogue { get; } = catalogue;

    internal IStockRepository Stock { get; } = stock;

    internal IOrderRepository Orders { get; } = orders;

    internal IPurchaseOrderRepository PurchaseOrders { get; } = purchaseOrders;

    internal IOutbox Outbox { get; } = outbox;
}
