using EcoDrive.Crm.Orders;

namespace EcoDrive.Crm.Tests.Orders;

public sealed class OrderViewTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static OrderView Recorded() => OrderView.Record(
        OrderId.New(), CustomerId.New(), UserId.New(), [new OrderLine(ProductId.New(), 1, Money.Euros(42_000m), VatRate.FrenchStandard)], s_start);

    [Fact]
    public void Record_StartsSubmittedAtVersionOne()
    {
        var view = Recorded();

        Assert.Equal(OrderStatus.Submitted, view.Status);
        Assert.Equal(1, view.Version);
        Assert.Equal(s_start, view.SubmittedAt);
    }

    [Fact]
    public void Apply_NewerVersions_InOrder_FollowsTheErp()
    {
        var view = Recorded();

        Assert.True(view.Apply(new OrderStatusEntry(OrderStatus.Confirmed, s_start.AddMinutes(1), null, null, 2)));
        Assert.True(view.Apply(new OrderStatusEntry(OrderStatus.InPreparation, s_start.AddMinutes(2), UserId.New(), null, 3)));

        Assert.Equal(OrderStatus.InPreparation, view.Status);
        Assert.Equal(3, view.Version);
    }

    [Fact]
    public void Apply_StaleOrRepeatedReport_IsIgnored()
    {
        var view = Recorded();
        view.Apply(new OrderStatusEntry(OrderStatus.Confirmed, s_start.AddMinutes(1), null, null, 2));
        view.Apply(new OrderStatusEntry(OrderStatus.InPreparation, s_start.AddMinutes(2), null, null, 3));

        Assert.False(view.Apply(new OrderStatusEntry(OrderStatus.Confirmed, s_start.AddMinutes(1), null, null, 2)));
        Assert.False(view.Apply(new OrderStatusEntry(OrderStatus.Cancelled, s_start.AddMinutes(3), null, null, 3)));

        Assert.Equal(OrderStatus.InPreparation, view.Status);
        Assert.Equal(3, view.History.Count);
    }

    [Fact]
    public void Record_WithoutLines_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => OrderView.Record(OrderId.New(), CustomerId.New(), UserId.New(), [], s_start));

        Assert.Equal("lines", error.ParamName);
    }

    [Fact]
    public void Record_LinesInTwoCurrencies_Throws()
    {
        Assert.Throws<CurrencyMismatchException>(() => OrderView.Record(
            OrderId.New(), CustomerId.New(), UserId.New(),
            [
                new OrderLine(ProductId.New(), 1, Money.Euros(1m), VatRate.FrenchStandard),
                new OrderLine(ProductId.New(), 1, new Money(1m, Currency.FromCode("USD")), VatRate.FrenchStandard),
            ],
            s_start));
    }

    [Fact]
    public void LastPurchaseAt_IgnoresRejectedAndCancelledOrders()
    {
        var older = Recorded();
        var cancelled = OrderView.Record(
            OrderId.New(), older.CustomerId, older.SalespersonId, older.Lines, s_start.AddDays(10));
        cancelled.Apply(new OrderStatusEntry(OrderStatus.Cancelled, s_start.AddDays(11), null, "customer withdrew", 2));

        Assert.Equal(s_start, OrderView.LastPurchaseAt([older, cancelled]));
        Assert.Null(OrderView.LastPurchaseAt([cancelled]));
    }
}
