using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class SalesDashboardComparisonTests
{
    [Fact]
    public async Task CompareWithPreviousAsync_March_ReadsFebruaryAndGivesTheChanges()
    {
        var source = new FakeKpiFactSource();
        source.Orders.Add(Order(Utc(2026, 2, 10, 9)));
        source.Orders.Add(Order(Utc(2026, 3, 10, 9)));
        source.Orders.Add(Order(Utc(2026, 3, 11, 9)));
        source.Leads.Add(Lead(Utc(2026, 2, 2), wonAt: Utc(2026, 2, 20)));
        source.Leads.Add(Lead(Utc(2026, 3, 2)));
        source.Revenue.Add(Revenue(Utc(2026, 2, 25), ProductSegment.Suv, 40_000m));
        source.Revenue.Add(Revenue(Utc(2026, 3, 25), ProductSegment.CityCar, 25_000m));

        var comparison = await new SalesDashboard(source).CompareWithPreviousAsync(Month(2026, 3), Utc(2026, 4, 1));

        Assert.Equal(Month(2026, 2), comparison.Previous.Period);
        Assert.Equal(Utc(2026, 3, 4), comparison.Previous.AsOf); // 1 April − 28 days
        Assert.Equal(1, comparison.NewOrdersChange);
        Assert.Equal(-1m, comparison.ConversionRateChange);
        Assert.Equal([Money.Euros(-15_000m)], comparison.RevenueChange);
    }
}
