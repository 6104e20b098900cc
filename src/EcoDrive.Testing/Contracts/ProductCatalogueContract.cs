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

    /// <summary>The catalogue by name, whole or of one segment.</summary>
    [StorageFact]
    public async Task List_BySegment_ReturnsTheProductsByName()
    {
        var zoe = Product.Create(ProductId.New(), "Zoé", ProductSegment.CityCar, Money.Euros(21_000m), VatRate.FrenchStandard);
        var atlas = Product.Create(ProductId.New(), "Atlas", ProductSegment.Suv, Money.Euros(45_000m), VatRate.FrenchStandard);
        var bolt = Product.Create(ProductId.New(), "Bolt", ProductSegment.CityCar, Money.Euros(19_000m), VatRate.FrenchStandard);
        await AddAsync(scope =>
        {
            foreach (var product in new[] { zoe, atlas, bolt })
            {
                Get<IProductCatalogue>(scope).Add(product);
            }
        });

        Assert.Equal(["Atlas", "Bolt", "Zoé"], (await ReadAsync(scope => Get<IProductCatalogue>(scope).ListAsync())).Select(p => p.Name));
        Assert.Equal(["Bolt", "Zoé"], (await ReadAsync(scope => Get<IProductCatalogue>(scope).ListAsync(ProductSegment.CityCar))).Select(p => p.Name));
    }

    /// <summary>A product's changes are kept; a write based on a stale read is refused.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var product = TestData.Product(ProductSegment.Suv);
        await AddAsync(scope => Get<IProductCatalogue>(scope).Add(product));

        await AssertStaleWriteIsRefusedAsync<IProductCatalogue, Product>(
            catalogue => catalogue.FindAsync(product.Id),
            (p, writer) => p.ChangeReorderPoint(writer * 2),
            (catalogue, p) => catalogue.Update(p),
            p => Json(p.ToSnapshot()));
    }
}
