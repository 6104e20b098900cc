using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Application.Gateways;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Application.Handlers;

/// <summary>
/// EcoDrive's own ERP as the CRM's <see cref="IErpGateway"/>: registers the order and reserves its stock, all lines or
/// none; the order is then Confirmed, or Backordered (queued on its products, first come first served) when stock is
/// short, or Rejected when it names a product the ERP does not stock. The new status is reported to the CRM through
/// the outbox.
/// </summary>
internal sealed class ErpOrderIntake(IOrderRepository orders, IStockRepository stock, IOutbox outbox, TimeProvider clock) : IErpGateway
{
    public async Task SubmitOrderAsync(OrderSubmitted message, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(message.OrderId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var order = Order.Submit(message.OrderId, message.CustomerId, message.SalespersonId, message.Lines, message.OccurredAt);
        var now = clock.GetUtcNow();
        var items = await stock.FindManyAsync(order.Lines.Select(l => l.ProductId), cancellationToken).ConfigureAwait(false);
        var unknown = order.Lines.Select(l => l.ProductId).Where(p => !items.ContainsKey(p)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            // At most three ids, so that the reason stays one short line however many lines the order has.
            var named = string.Join(", ", unknown.Take(3));
            order.Reject(unknown.Length > 3 ? $"unknown product(s): {named} and {unknown.Length - 3} more" : $"unknown product(s): {named}", null, now);
        }
        else
        {
            // Reserved or queued: either way the stock items change, so a concurrent receipt conflicts with this
            // intake instead of missing the order it should serve.
            StockAllocation.Allocate(order, items, now);
            foreach (var item in items.Values)
            {
                stock.Update(item);
            }
        }

        orders.Add(order);
        order.ReportTo(outbox);
    }
}
