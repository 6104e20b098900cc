namespace EcoDrive.Erp.Stock;

/// <summary>
/// Port: stock per product. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>, which refuses
/// a write based on a stale read, so concurrent reservations can never oversell.
/// </summary>
public interface IStockRepository
{
    /// <summary>Finds the stock of a product.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stock, or <see langword="null"/> when the product has none opened.</returns>
    Task<StockItem?> FindAsync(ProductId productId, CancellationToken cancellationToken = default);

    /// <summary>Stages the stock of a new product.</summary>
    /// <param name="item">The stock item.</param>
    void Add(StockItem item);

    /// <summary>Stages the changes of a stock item read from this repository.</summary>
    /// <param name="item">The stock item.</param>
    void Update(StockItem item);
}
