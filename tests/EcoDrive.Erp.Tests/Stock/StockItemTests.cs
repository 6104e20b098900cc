using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Stock;

public sealed class StockItemTests
{
    private static StockItem WithOnHand(int onHand)
    {
        var item = StockItem.OpenFor(ProductId.New());
        item.Receive(onHand);
        return item;
    }

    [Fact]
    public void Reserve_WhenAvailable_ReservesAndLowersAvailable()
    {
        var item = WithOnHand(5);

        Assert.Equal(ReservationOutcome.Reserved, item.Reserve(OrderId.New(), 2));
        Assert.Equal(5, item.OnHand);
        Assert.Equal(2, item.Reserved);
        Assert.Equal(3, item.Available);
    }

    [Fact]
    public void Reserve_WhenStockShort_ReturnsInsufficientAndChangesNothing()
    {
        var item = WithOnHand(2);
        var before = item.ToSnapshot();

        Assert.Equal(ReservationOutcome.Insufficient, item.Reserve(OrderId.New(), 3));
        Assert.Equal(before.OnHand, item.OnHand);
        Assert.Empty(item.Reservations);
    }

    [Fact]
    public void Reserve_SameOrderTwice_ChangesNothingTheSecondTime()
    {
        var item = WithOnHand(5);
        var order = OrderId.New();
        item.Reserve(order, 2);

        Assert.Equal(ReservationOutcome.AlreadyReserved, item.Reserve(order, 2));
        Assert.Equal(2, item.Reserved);
    }

    [Fact]
    public void Release_GivesTheUnitsBack()
    {
        var item = WithOnHand(5);
        var order = OrderId.New();
        item.Reserve(order, 4);

        Assert.Equal(4, item.Release(order));
        Assert.Equal(5, item.Available);
        Assert.Equal(0, item.Release(order));
    }

    [Fact]
    public void Consume_TakesReservedUnitsOutOfStock()
    {
        var item = WithOnHand(5);
        var order = OrderId.New();
        item.Reserve(order, 2);

        item.Consume(order);

        Assert.Equal(3, item.OnHand);
        Assert.Equal(0, item.Reserved);
    }

    [Fact]
    public void Consume_WithoutReservation_RaisesNotReservedAndChangesNothing()
    {
        var item = WithOnHand(5);

        var error = Assert.Throws<DomainException>(() => item.Consume(OrderId.New()));

        Assert.Equal("stock.not-reserved", error.Code);
        Assert.Equal(5, item.OnHand);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Reserve_NonPositiveQuantity_ThrowsNamingParameter(int quantity)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WithOnHand(5).Reserve(OrderId.New(), quantity));

        Assert.Equal("quantity", error.ParamName);
    }

    [Fact]
    public void Allocation_WhenOneLineIsShort_ReservesNoLine()
    {
        var suv = WithOnHand(5);
        var van = WithOnHand(1);
        var order = OrderId.New();
        OrderLine[] lines =
        [
            new(suv.ProductId, 2, Money.Euros(42_000m), VatRate.FrenchStandard),
            new(van.ProductId, 2, Money.Euros(35_000m), VatRate.FrenchStandard),
        ];

        var allocation = StockAllocation.Reserve(order, lines, new Dictionary<ProductId, StockItem> { [suv.ProductId] = suv, [van.ProductId] = van });

        Assert.False(allocation.IsComplete);
        Assert.Equal([van.ProductId], allocation.ShortProducts);
        Assert.Equal(0, suv.Reserved);
        Assert.Equal(0, van.Reserved);
    }

    [Fact]
    public void Allocation_SameProductOnTwoLines_ReservesTheirSum()
    {
        var suv = WithOnHand(5);
        var order = OrderId.New();
        OrderLine[] lines =
        [
            new(suv.ProductId, 2, Money.Euros(42_000m), VatRate.FrenchStandard),
            new(suv.ProductId, 3, Money.Euros(40_000m), VatRate.FrenchStandard),
        ];

        var allocation = StockAllocation.Reserve(order, lines, new Dictionary<ProductId, StockItem> { [suv.ProductId] = suv });

        Assert.True(allocation.IsComplete);
        Assert.Equal(5, suv.Reserved);
    }
}
