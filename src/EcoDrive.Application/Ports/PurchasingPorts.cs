using EcoDrive.Application.Messaging;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="PurchasingService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="purchaseOrders">The purchase orders.</param>
/// <param name="catalogue">The catalogue that purchase orders name products from.</param>
/// <param name="stock">The stock that receipts add to.</param>
/// <param name="orders">The ERP's orders, for the backordered ones that a receipt confirms.</param>
/// <param name="outbox">The outbox that reports those confirmations to the CRM.</param>
public sealed class PurchasingPorts(
    IPurchaseOrderRepository purchaseOrders,
    IProductCatalogue catalogue,
    IStockRepository stock,
    IOrderRepository orders,
    IOutbox outbox)
{
    internal IPurchaseOrderRepository PurchaseOrders { get; } = purchaseOrders;

    internal IProductCatalogue Catalogue { get; } = catalogue;

    internal IStockRepository Stock { get; } = stock;

    internal IOrderRepository Orders { get; } = orders;

    internal IOutbox Outbox { get; } = outbox;
}
