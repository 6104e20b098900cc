using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IProductCatalogue"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class ProductCatalogueContract : StorageContract
{
    /// <summary>A committed product reads back with the same state.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var product = TestData.Product(ProductSegment.Utility, 31_990.50m);
        await AddAsync(scope => Get<IProductCatalogue>(scope).Add(product));

        var found = await ReadAsync(scope => Get<IProductCatalogue>(scope).FindAsync(product.Id));

        Assert.Equal(product.ToSnapshot(), found!.ToSnapshot());
    }

    /// <summary>An id nobody stored finds nothing.</summary>
    [StorageFact]
    public async Task Find_Unknown_ReturnsNull() =>
        Assert.Null(await ReadAsync(scope => Get<IProductCatalogue>(scope).FindAsync(ProductId.New())));

    /// <summary>Two units of work adding the same product: the second commit is refused.</summary>
    [StorageFact]
    public async Task Add_SameIdTwice_SecondCommitIsRefused()
    {
        var product = TestData.Product(ProductSegment.Suv);
        await AddAsync(scope => Get<IProductCatalogue>(scope).Add(product));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AddAsync(scope => Get<IProductCatalogue>(scope).Add(Product.FromSnapshot(product.ToSnapshot()))));
    }
}
