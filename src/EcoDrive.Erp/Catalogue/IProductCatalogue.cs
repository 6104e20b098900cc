namespace EcoDrive.Erp.Catalogue;

/// <summary>Port: the product catalogue. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IProductCatalogue
{
    /// <summary>Finds a product by id.</summary>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product, or <see langword="null"/> when there is none.</returns>
    Task<Product?> FindAsync(ProductId id, CancellationToken cancellationToken = default);

    /// <summary>Stages a new product.</summary>
    /// <param name="product">The product.</param>
    void Add(Product product);
}
