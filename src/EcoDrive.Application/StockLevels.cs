using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Application;

/// <summary>Reads every product's <see cref="StockLevel"/>: catalogue, stock and what open purchase orders still bring.</summary>
internal static class StockLevels
{
    public static async Task<IReadOnlyList<StockLevel>> ReadAsync(
        IProductCatalogue catalogue, IPurchaseOrderRepository purchaseOrders, IStockRepository stockItems, CancellationToken cancellationToken)
    {
        var products = await catalogue.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var onOrder = (await purchaseOrders.ListAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(p => p.IsOpen)
            .SelectMany(p => p.Lines)
            .GroupBy(l => l.ProductId)
            .ToDictionary(g => g.Key, g => OnOrder(g));
        var stock = await stockItems.FindManyAsync(products.Select(p => p.Id), cancellationToken).ConfigureAwait(false);
        return [.. products.Where(p => stock.ContainsKey(p.Id)).Select(p => StockLevel.Of(p, stock[p.Id], onOrder.GetValueOrDefault(p.Id)))];
    }

    // Units still expected, summed without overflow and kept within 0..MaxStockQuantity: every line is bounded when it
    // is written, but many open purchase orders, or a line stored before the bounds, must not break the read for all.
    private static int OnOrder(IEnumerable<PurchaseOrderLine> lines) =>
        (int)Math.Clamp(lines.Sum(l => Math.Max(0L, (long)l.Quantity - l.Received)), 0L, Limits.MaxStockQuantity);
}
