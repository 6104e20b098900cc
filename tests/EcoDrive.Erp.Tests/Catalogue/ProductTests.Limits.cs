using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Erp.Tests.Catalogue;

public sealed partial class ProductTests
{
    [Fact]
    public void Create_DecimalMaxValuePrice_ThrowsNamingParameter()
    {
        // The black-box case: a list price of 79228162514264337593543950335 was accepted, then ordering 2 overflowed.
        var error = Assert.Throws<InvalidInputException>(() =>
            Product.Create(ProductId.New(), "Volt", ProductSegment.Suv, Money.Euros(decimal.MaxValue), VatRate.FrenchStandard));

        Assert.Equal("listPrice", error.ParamName);
    }

    [Fact]
    public void Reprice_AboveMaxAmount_ThrowsAndKeepsThePrice()
    {
        var product = Suv();

        Assert.Equal("listPrice", Assert.Throws<InvalidInputException>(() => product.Reprice(Money.Euros(Limits.MaxAmount + 0.01m))).ParamName);
        Assert.Equal(Money.Euros(42_000m), product.ListPrice);
    }

    [Fact]
    public void Create_AtMaxAmount_OrdersAndTaxesWithoutOverflow()
    {
        var product = Product.Create(ProductId.New(), "Volt", ProductSegment.Suv, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard);

        var line = product.LineFor(1);

        Assert.Equal(Money.Euros(200_000_000m), line.VatRate.VatOn(line.Net));
    }

    [Fact]
    public void Create_NameWithNulOrTenMegabytes_ThrowsNamingParameter()
    {
        Assert.Equal("name", Assert.Throws<InvalidInputException>(() =>
            Product.Create(ProductId.New(), "Volt\u0000X5", ProductSegment.Suv, Money.Euros(1m), VatRate.FrenchStandard)).ParamName);
        Assert.Equal("name", Assert.Throws<InvalidInputException>(() =>
            Product.Create(ProductId.New(), new string('v', 10 * 1024 * 1024), ProductSegment.Suv, Money.Euros(1m), VatRate.FrenchStandard)).ParamName);
    }

    [Fact]
    public void ChangeReorderPoint_AboveMaxStockQuantity_ThrowsAndKeepsIt()
    {
        var product = Suv();

        Assert.Equal("reorderPoint", Assert.Throws<InvalidInputException>(() => product.ChangeReorderPoint(Limits.MaxStockQuantity + 1)).ParamName);
        Assert.Equal(2, product.ReorderPoint);
    }
}
