namespace EcoDrive.Erp.Catalogue;

/// <summary>Port: the product catalogue. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IProductCatalogue
{
    /// <summary>Finds a product by id.</summary>
    /// <param name="id">The product's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product, or <see langword="null"/> when there is none.</returns>
    Task<Product?> FindAsync(ProductId id, CancellationToken cancellationToken = default);

    /// <summary>Lists the products of the catalogue, by name.</summary>
    /// <param name="segment">Only the products of this segment; every product when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Product>> ListAsync(ProductSegment? segment = null, CancellationToken cancellationToken = default);

    /// <summary>Stages a new product.</summary>
    /// <param name="product">The product.</param>
    void Add(Product product);

    /// <summary>Stages the changes of a product read from this catalogue.</summary>
    /// <param name="product">The product.</param>
    void Update(Product product);
}
