using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Stock;

public sealed class StockAllocationTests
{
    private static readonly DateTimeOffset s_start = OrderBuilder.Start;
    private readonly StockItem _suv = StockItem.OpenFor(ProductId.New());
    private readonly StockItem _van = StockItem.OpenFor(ProductId.New());

    [Fact]
    public void Allocate_WhenItFits_ReservesAndConfirmsAsTheSystem()
    {
        _suv.Receive(3);
        var order = Submitted(s_start, (_suv, 2));

        var allocation = StockAllocation.Allocate(order, Stock(), s_start.AddMinutes(1));

        Assert.True(allocation.IsComplete);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Null(order.History[^1].Actor);
        Assert.Equal(2, _suv.Reservations[order.Id]);
    }

    [Fact]
    public void Allocate_WhenOneProductIsShort_BackordersAndQueuesTheOrderOnEveryProduct()
    {
        _suv.Receive(3);
        var order = Submitted(s_start, (_suv, 1), (_van, 1));

        var allocation = StockAllocation.Allocate(order, Stock(), s_start.AddMinutes(1));

        Assert.Equal([_van.ProductId], allocation.ShortProducts);
        Assert.Equal(OrderStatus.Backordered, order.Status);
        Assert.Equal(0, _suv.Reserved);
        Assert.Equal(order.Id, Assert.Single(_suv.Backorders).OrderId);
        Assert.Equal(new BackorderLine(order.Id, 1, s_start), Assert.Single(_van.Backorders));
    }

    [Fact]
    public void Allocate_ConfirmedOrder_IsRefusedAndMovesNoStock()
    {
        _suv.Receive(3);
        var order = Submitted(s_start, (_suv, 1));
        StockAllocation.Allocate(order, Stock(), s_start);
        order.StartPreparation(OrderBuilder.Warehouse, s_start.AddMinutes(1));
        order.Ship(OrderBuilder.Warehouse, s_start.AddMinutes(2));
        _suv.Consume(order.Id);

        var error = Assert.Throws<InvalidTransitionException>(() => StockAllocation.Allocate(order, Stock(), s_start.AddMinutes(3)));

        Assert.Equal("Shipped", error.State);
        Assert.Equal(0, _suv.Reserved);
        Assert.Equal(2, _suv.OnHand);
    }

    [Fact]
    public void FillBackorders_WhenStockArrives_ServesOrdersBySubmissionTimeWhateverTheirListing()
    {
        var first = Submitted(s_start, (_suv, 1));
        var second = Submitted(s_start.AddMinutes(1), (_suv, 1));
        var third = Submitted(s_start.AddMinutes(2), (_suv, 1));
        Backorder(third, second, first);
        _suv.Receive(2);

        var confirmed = StockAllocation.FillBackorders([third, first, second], Stock(), s_start.AddHours(1));

        Assert.Equal([first.Id, second.Id], confirmed.Select(o => o.Id));
        Assert.Equal(OrderStatus.Backordered, third.Status);
        Assert.Equal(third.Id, Assert.Single(_suv.Backorders).OrderId);
        Assert.Equal(0, _suv.Available);
    }

    [Fact]
    public void FillBackorders_OrderThatDoesNotFit_DoesNotHoldBackASmallerLaterOne()
    {
        var large = Submitted(s_start, (_suv, 5));
        var small = Submitted(s_start.AddMinutes(1), (_suv, 2));
        Backorder(large, small);
        _suv.Receive(3);

        var confirmed = StockAllocation.FillBackorders([large, small], Stock(), s_start.AddHours(1));

        Assert.Equal([small.Id], confirmed.Select(o => o.Id));
        Assert.Equal(large.Id, Assert.Single(_suv.Backorders).OrderId);
    }

    [Fact]
    public void FillBackorders_OrderOfTwoProducts_WaitsUntilBothFit()
    {
        var order = Submitted(s_start, (_suv, 1), (_van, 1));
        Backorder(order);
        _suv.Receive(1);

        Assert.Empty(StockAllocation.FillBackorders([order], Stock(), s_start.AddHours(1)));
        Assert.Equal(0, _suv.Reserved);

        _van.Receive(1);
        Assert.Equal([order.Id], StockAllocation.FillBackorders([order], Stock(), s_start.AddHours(2)).Select(o => o.Id));
        Assert.Equal((1, 1), (_suv.Reserved, _van.Reserved));
        Assert.Empty(_suv.Backorders);
        Assert.Empty(_van.Backorders);
    }

    [Fact]
    public void FillBackorders_OrderNoLongerBackordered_IsTakenOutOfTheQueueWithoutReserving()
    {
        var cancelled = Submitted(s_start, (_suv, 1));
        Backorder(cancelled);
        cancelled.Cancel("customer withdrew", OrderBuilder.Warehouse, s_start.AddMinutes(5));
        _suv.Receive(1);

        Assert.Empty(StockAllocation.FillBackorders([cancelled], Stock(), s_start.AddHours(1)));
        Assert.Empty(_suv.Backorders);
        Assert.Equal(1, _suv.Available);
    }

    private Order Submitted(DateTimeOffset at, params (StockItem Item, int Quantity)[] lines) =>
        Order.Submit(OrderId.New(), CustomerId.New(), UserId.New(), lines.Select(l => new OrderLine(l.Item.ProductId, l.Quantity, Money.Euros(30_000m), VatRate.FrenchStandard)), at);

    private void Backorder(params Order[] orders)
    {
        foreach (var order in orders)
        {
            Assert.False(StockAllocation.Allocate(order, Stock(), order.SubmittedAt).IsComplete);
        }
    }

    private Dictionary<ProductId, StockItem> Stock() => new() { [_suv.ProductId] = _suv, [_van.ProductId] = _van };
}
