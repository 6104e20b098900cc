using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Application;

/// <summary>The step every use case that adds available stock ends with: serving the orders that wait for it.</summary>
internal static class Backorders
{
    /// <summary>
    /// Confirms, first come first served, the backordered orders waiting for <paramref name="replenished"/> that now
    /// fit; stages the orders and stock items and reports each confirmation to the CRM, in the caller's unit of work.
    /// </summary>
    public static async Task<IReadOnlyList<OrderId>> FillAsync(
        IOrderRepository orders, IStockRepository stock, IOutbox outbox, IReadOnlyCollection<StockItem> replenished, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var waiting = new List<Order>();
        foreach (var orderId in replenished.SelectMany(i => i.Backorders).Select(b => b.OrderId).Distinct().ToArray())
        {
            if (await orders.FindAsync(orderId, cancellationToken).ConfigureAwait(false) is { } order)
            {
                waiting.Add(order);
            }
        }

        if (waiting.Count == 0)
        {
            return [];
        }

        var items = await stock.FindManyAsync(
            waiting.SelectMany(o => o.Lines).Select(l => l.ProductId).Concat(replenished.Select(i => i.ProductId)), cancellationToken).ConfigureAwait(false);
        var confirmed = StockAllocation.FillBackorders(waiting, items, at);
        foreach (var item in items.Values)
        {
            stock.Update(item);
        }

        foreach (var order in confirmed)
        {
            orders.Update(order);
            order.ReportTo(outbox);
        }

        return [.. confirmed.Select(o => o.Id)];
    }
}
