using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Stock;

public sealed partial class StockItemTests
{
    private static StockItem WithOnHand(int onHand)
    {
        var item = StockItem.OpenFor(ProductId.New());
        if (onHand > 0)
        {
            item.Receive(onHand);
        }

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
        var error = Assert.Throws<InvalidInputException>(() => WithOnHand(5).Reserve(OrderId.New(), quantity));

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

    [Fact]
    public void Adjust_Down_LowersOnHandAndKeepsTheReason()
    {
        var item = WithOnHand(5);

        item.Adjust(-2, "  damaged in transit ", s_at);

        Assert.Equal(3, item.OnHand);
        Assert.Equal(new StockAdjustment(-2, "damaged in transit", s_at, 3), Assert.Single(item.Adjustments));
    }

    [Fact]
    public void Adjust_BelowReserved_RaisesBelowReservedAndChangesNothing()
    {
        var item = WithOnHand(5);
        item.Reserve(OrderId.New(), 4);

        var error = Assert.Throws<StockBelowReservedException>(() => item.Adjust(-2, "inventory count", s_at));

        Assert.Equal("stock.below-reserved", error.Code);
        Assert.Equal((5, 4, -2), (error.OnHand, error.Reserved, error.Change));
        Assert.Contains("below the 4 reserved", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, item.OnHand);
        Assert.Empty(item.Adjustments);
    }

    [Fact]
    public void Adjust_DownToExactlyReserved_IsAllowed()
    {
        var item = WithOnHand(5);
        item.Reserve(OrderId.New(), 4);

        item.Adjust(-1, "inventory count", s_at);

        Assert.Equal(0, item.Available);
    }

    [Fact]
    public void Adjust_ZeroOrWithoutReason_ThrowsNamingParameter()
    {
        var item = WithOnHand(5);

        Assert.Equal("change", Assert.Throws<InvalidInputException>(() => item.Adjust(0, "count", s_at)).ParamName);
        Assert.Equal("reason", Assert.ThrowsAny<ArgumentException>(() => item.Adjust(1, " ", s_at)).ParamName);
        Assert.Equal(5, item.OnHand);
    }

    [Fact]
    public void Backorder_InAnyCallOrder_QueuesFirstComeFirstServed()
    {
        var item = WithOnHand(0);
        var (early, late) = (OrderId.New(), OrderId.New());

        item.Backorder(late, 2, s_at.AddMinutes(5));
        item.Backorder(early, 3, s_at);
        item.Backorder(late, 2, s_at.AddMinutes(5));

        Assert.Equal([early, late], item.Backorders.Select(b => b.OrderId));
        Assert.Equal(5, item.Backordered);
    }

    [Fact]
    public void Reserve_QueuedOrder_TakesItOutOfTheQueue()
    {
        var item = WithOnHand(0);
        var order = OrderId.New();
        item.Backorder(order, 2, s_at);
        item.Receive(2);

        Assert.Equal(ReservationOutcome.Reserved, item.Reserve(order, 2));
        Assert.Empty(item.Backorders);
    }

    [Fact]
    public void Unqueue_KeepsTheReservationWhileReleaseDropsBoth()
    {
        var item = WithOnHand(2);
        var (reserved, queued) = (OrderId.New(), OrderId.New());
        item.Reserve(reserved, 2);
        item.Backorder(queued, 1, s_at);
        item.Backorder(reserved, 1, s_at);

        Assert.False(item.Unqueue(reserved));
        Assert.Equal(2, item.Reserved);
        Assert.Equal(0, item.Release(queued));
        Assert.Empty(item.Backorders);
    }
}
