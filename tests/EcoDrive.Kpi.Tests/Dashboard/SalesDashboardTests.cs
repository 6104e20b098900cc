using EcoDrive.Core;
using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class SalesDashboardTests
{
    [Fact]
    public async Task ComputeAsync_Period_ReadsItsUtcRangeAndComposesTheThreeKpis()
    {
        var source = new FakeKpiFactSource();
        source.Orders.Add(Order(Utc(2026, 3, 3, 9), OrderStatus.Confirmed));
        source.Orders.Add(Order(Utc(2026, 3, 4, 9), OrderStatus.Cancelled));
        source.Orders.Add(Order(Utc(2026, 4, 4, 9)));
        source.Leads.Add(Lead(Utc(2026, 3, 2), wonAt: Utc(2026, 3, 20)));
        source.Leads.Add(Lead(Utc(2026, 3, 5)));
        source.Revenue.Add(Revenue(Utc(2026, 3, 25), ProductSegment.Suv, 45_000m));
        var period = Month(2026, 3, TimeBucket.IsoWeek);
        var asOf = Utc(2026, 4, 1, 8);

        var report = await new SalesDashboard(source).ComputeAsync(period, asOf);

        Assert.Equal(
            [("orders", period.UtcStart, period.UtcEnd), ("leads", period.UtcStart, period.UtcEnd), ("revenue", period.UtcStart, period.UtcEnd)],
            source.Calls);
        Assert.Same(period, report.Period);
        Assert.Equal(asOf, report.AsOf);
        Assert.Equal(2, report.NewOrders.TotalOrders);
        Assert.Equal(1, report.NewOrders.TotalCancelled);
        Assert.Equal(period.Buckets.Count, report.NewOrders.Buckets.Count);
        Assert.Equal(0.5m, report.Conversion.Rate);
        Assert.Equal(Money.Euros(45_000m), report.Revenue.TotalIn(Currency.Eur));
    }

    [Fact]
    public async Task ComputeAsync_CancelledToken_ThrowsOperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new SalesDashboard(new FakeKpiFactSource()).ComputeAsync(Month(2026, 3), Utc(2026, 4, 1), cancellation.Token));
    }

    [Fact]
    public void Constructor_NullSource_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("facts", () => new SalesDashboard((IKpiFactSource)null!));
        Assert.Throws<ArgumentNullException>("aggregates", () => new SalesDashboard((IKpiAggregateSource)null!));
    }
}
