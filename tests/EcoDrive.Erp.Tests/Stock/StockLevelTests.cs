using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Stock;

public sealed class StockLevelTests
{
    [Theory]
    [InlineData(5, 0, 0, 0, 2, false, 0)]
    [InlineData(2, 0, 0, 0, 2, false, 0)]
    [InlineData(3, 2, 0, 0, 2, true, 1)]
    [InlineData(3, 2, 0, 1, 2, false, 0)]
    [InlineData(0, 0, 4, 0, 0, true, 4)]
    [InlineData(0, 0, 4, 4, 0, false, 0)]
    public void IsUnderReorderPoint_ComparesAvailablePlusOnOrderMinusBackorderedWithTheReorderPoint(
        int onHand, int reserved, int backordered, int onOrder, int reorderPoint, bool under, int shortfall)
    {
        var level = new StockLevel(ProductId.New(), "Volt X5 SUV", ProductSegment.Suv, onHand, reserved, backordered, onOrder, reorderPoint);

        Assert.Equal(under, level.IsUnderReorderPoint);
        Assert.Equal(shortfall, level.Shortfall);
        Assert.Equal(onHand - reserved + onOrder - backordered, level.Position);
    }

    [Fact]
    public void Of_ReadsProductAndStock()
    {
        var product = Product.Create(ProductId.New(), "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, reorderPoint: 3);
        var stock = StockItem.OpenFor(product.Id);
        stock.Receive(4);
        stock.Reserve(OrderId.New(), 2);
        stock.Backorder(OrderId.New(), 5, OrderBuilder.Start);

        var level = StockLevel.Of(product, stock, onOrder: 1);

        Assert.Equal(new StockLevel(product.Id, "Volt X5 SUV", ProductSegment.Suv, 4, 2, 5, 1, 3), level);
        Assert.Equal(5, level.Shortfall);
    }

    [Fact]
    public void Of_StockOfAnotherProduct_ThrowsNamingParameter()
    {
        var product = Product.Create(ProductId.New(), "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);

        Assert.Equal("stock", Assert.Throws<InvalidInputException>(() => StockLevel.Of(product, StockItem.OpenFor(ProductId.New()), 0)).ParamName);
    }
}
