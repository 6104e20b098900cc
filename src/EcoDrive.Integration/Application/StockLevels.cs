using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Integration.Application;

/// <summary>Reads every product's <see cref="StockLevel"/>: catalogue, stock and what open purchase orders still bring.</summary>
internal static class StockLevels
{
    public static async Task<IReadOnlyList<StockLevel>> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var products = await services.GetRequiredService<IProductCatalogue>().ListAsync(null, cancellationToken).ConfigureAwait(false);
        var onOrder = (await services.GetRequiredService<IPurchaseOrderRepository>().ListAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(p => p.IsOpen)
            .SelectMany(p => p.Lines)
            .GroupBy(l => l.ProductId)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Outstanding));
        var stock = await services.GetRequiredService<IStockRepository>().FindManyAsync(products.Select(p => p.Id), cancellationToken).ConfigureAwait(false);
        return [.. products.Where(p => stock.ContainsKey(p.Id)).Select(p => StockLevel.Of(p, stock[p.Id], onOrder.GetValueOrDefault(p.Id)))];
    }
}
