using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Tests.Orders;

public sealed class OrderLimitsTests
{
    [Fact]
    public void Submit_NetTotalAboveMaxAmount_ThrowsOrderLimitExceeded()
    {
        OrderLine[] lines = [new(OrderBuilder.Suv, 2, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard)];

        var error = Assert.Throws<LimitExceededException>(() => Order.Submit(OrderId.New(), CustomerId.New(), UserId.New(), lines, OrderBuilder.Start));

        Assert.Equal("order.limit-exceeded", error.Code);
    }

    [Fact]
    public void Submit_SameProductOnLinesAboveMaxQuantity_ThrowsOrderLimitExceeded()
    {
        OrderLine[] lines =
        [
            new(OrderBuilder.Suv, Limits.MaxQuantity, Money.Euros(0m), VatRate.FrenchStandard),
            new(OrderBuilder.Suv, Limits.MaxQuantity, Money.Euros(0m), VatRate.FrenchStandard),
        ];

        Assert.Equal("order.limit-exceeded", Assert.Throws<LimitExceededException>(
            () => Order.Submit(OrderId.New(), CustomerId.New(), UserId.New(), lines, OrderBuilder.Start)).Code);
    }

    [Fact]
    public void Cancel_ReasonWithControlCharacter_ThrowsAndKeepsTheStatus()
    {
        var order = Order.Submit(OrderId.New(), CustomerId.New(), UserId.New(), [new OrderLine(OrderBuilder.Suv, 1, Money.Euros(1m), VatRate.FrenchStandard)], OrderBuilder.Start);

        Assert.Equal("reason", Assert.Throws<InvalidInputException>(() => order.Cancel("changed\u0000mind", UserId.New(), OrderBuilder.Start)).ParamName);
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Single(order.History);
    }
}
