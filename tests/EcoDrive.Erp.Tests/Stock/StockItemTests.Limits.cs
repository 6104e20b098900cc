using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Stock;

public sealed partial class StockItemTests
{
    [Fact]
    public void Receive_Int32MaxValue_ThrowsAndChangesNothing()
    {
        var item = WithOnHand(8);
        var before = item.ToSnapshot();

        var error = Assert.Throws<InvalidInputException>(() => item.Receive(int.MaxValue));

        Assert.Equal("quantity", error.ParamName);
        Assert.Equivalent(before, item.ToSnapshot());
        Assert.Equal(8, item.OnHand);
    }

    [Fact]
    public void Receive_PastMaxStockQuantity_ThrowsLimitExceededAndChangesNothing()
    {
        var item = StockItem.FromSnapshot(new StockItemSnapshot(ProductId.New(), Limits.MaxStockQuantity - 1, [], [], []));

        var error = Assert.Throws<LimitExceededException>(() => item.Receive(2));

        Assert.Equal("stock.limit-exceeded", error.Code);
        Assert.Equal(Limits.MaxStockQuantity, error.Maximum);
        Assert.Equal(Limits.MaxStockQuantity + 1m, error.Attempted);
        Assert.Equal(Limits.MaxStockQuantity - 1, item.OnHand);
    }

    [Fact]
    public void Receive_UpToMaxStockQuantity_IsAccepted()
    {
        var item = StockItem.FromSnapshot(new StockItemSnapshot(ProductId.New(), Limits.MaxStockQuantity - Limits.MaxQuantity, [], [], []));

        item.Receive(Limits.MaxQuantity);

        Assert.Equal(Limits.MaxStockQuantity, item.OnHand);
    }

    [Theory]
    [InlineData(Limits.MaxQuantity + 1)]
    [InlineData(-Limits.MaxQuantity - 1)]
    [InlineData(int.MinValue)]
    public void Adjust_ChangeBeyondMaxQuantity_ThrowsAndChangesNothing(int change)
    {
        var item = WithOnHand(5);

        Assert.Equal("change", Assert.Throws<InvalidInputException>(() => item.Adjust(change, "count", OrderBuilder.Start)).ParamName);
        Assert.Equal(5, item.OnHand);
        Assert.Empty(item.Adjustments);
    }

    [Fact]
    public void Adjust_PastMaxStockQuantity_ThrowsLimitExceededAndChangesNothing()
    {
        var item = StockItem.FromSnapshot(new StockItemSnapshot(ProductId.New(), Limits.MaxStockQuantity, [], [], []));

        Assert.Equal("stock.limit-exceeded", Assert.Throws<LimitExceededException>(() => item.Adjust(1, "count", OrderBuilder.Start)).Code);
        Assert.Equal(Limits.MaxStockQuantity, item.OnHand);
        Assert.Empty(item.Adjustments);
    }

    [Fact]
    public void Adjust_ReasonWithNul_ThrowsAndChangesNothing()
    {
        var item = WithOnHand(5);

        Assert.Equal("reason", Assert.Throws<InvalidInputException>(() => item.Adjust(1, "count\u0000", OrderBuilder.Start)).ParamName);
        Assert.Equal(5, item.OnHand);
        Assert.Empty(item.Adjustments);
    }

    [Fact]
    public void Backorder_PastMaxStockQuantity_ThrowsLimitExceededAndQueuesNothing()
    {
        var waiting = new BackorderLine(OrderId.New(), Limits.MaxStockQuantity, OrderBuilder.Start);
        var item = StockItem.FromSnapshot(new StockItemSnapshot(ProductId.New(), 0, [], [waiting], []));

        Assert.Equal("stock.limit-exceeded", Assert.Throws<LimitExceededException>(() => item.Backorder(OrderId.New(), 1, OrderBuilder.Start)).Code);
        Assert.Equal(waiting, Assert.Single(item.Backorders));
    }

    [Fact]
    public void Allocate_OrderThatWouldPassTheBackorderLimit_IsRejectedAndQueuesNothing()
    {
        var product = Product.Create(ProductId.New(), "Volt X5", ProductSegment.Suv, Money.Euros(0m), VatRate.FrenchStandard);
        var waiting = new BackorderLine(OrderId.New(), Limits.MaxStockQuantity, OrderBuilder.Start);
        var item = StockItem.FromSnapshot(new StockItemSnapshot(product.Id, 0, [], [waiting], []));
        var order = Order.Submit(OrderId.New(), CustomerId.New(), UserId.New(), [product.LineFor(1)], OrderBuilder.Start);

        var allocation = StockAllocation.Allocate(order, new Dictionary<ProductId, StockItem> { [product.Id] = item }, OrderBuilder.Start);

        Assert.False(allocation.IsComplete);
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.StartsWith("stock.limit-exceeded", order.History[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(waiting, Assert.Single(item.Backorders));
    }

    [Fact]
    public void Reserved_StoredTotalsBeyondInt32_SaturateInsteadOfThrowing()
    {
        var item = StockItem.FromSnapshot(new StockItemSnapshot(
            ProductId.New(),
            int.MaxValue,
            [new StockReservationLine(OrderId.New(), int.MaxValue), new StockReservationLine(OrderId.New(), 1)],
            [new BackorderLine(OrderId.New(), int.MaxValue, OrderBuilder.Start), new BackorderLine(OrderId.New(), 1, OrderBuilder.Start)],
            []));

        Assert.Equal(int.MaxValue, item.Reserved);
        Assert.Equal(int.MaxValue, item.Backordered);
    }
}
