using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Erp.Tests.Catalogue;

public sealed partial class ProductTests
{
    private static Product Suv() => Product.Create(ProductId.New(), " Volt X5 SUV ", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, reorderPoint: 2);

    [Fact]
    public void Create_KeepsSegmentPriceVatAndReorderPoint()
    {
        var product = Suv();

        Assert.Equal(
            new ProductSnapshot(product.Id, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, 2),
            product.ToSnapshot());
        Assert.Equal(new OrderLine(product.Id, 3, Money.Euros(42_000m), VatRate.FrenchStandard), product.LineFor(3));
    }

    [Fact]
    public void Create_NegativePriceOrReorderPoint_ThrowsNamingParameter()
    {
        Assert.Equal("listPrice", Assert.Throws<InvalidInputException>(() =>
            Product.Create(ProductId.New(), "Volt", ProductSegment.Suv, Money.Euros(-1m), VatRate.FrenchStandard)).ParamName);
        Assert.Equal("reorderPoint", Assert.Throws<InvalidInputException>(() =>
            Product.Create(ProductId.New(), "Volt", ProductSegment.Suv, Money.Euros(1m), VatRate.FrenchStandard, -1)).ParamName);
    }

    [Fact]
    public void Reprice_InAnotherCurrency_IsRefusedAndKeepsThePrice()
    {
        var product = Suv();

        Assert.Throws<CurrencyMismatchException>(() => product.Reprice(new Money(40_000m, Currency.FromCode("USD"))));
        product.Reprice(Money.Euros(39_900m));
        product.ChangeReorderPoint(5);

        Assert.Equal(Money.Euros(39_900m), product.ListPrice);
        Assert.Equal(5, product.ReorderPoint);
        Assert.Equal("reorderPoint", Assert.Throws<InvalidInputException>(() => product.ChangeReorderPoint(-1)).ParamName);
    }
}
