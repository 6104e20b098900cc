using EcoDrive.Core;
using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

/// <summary>Laying out reports from rows aggregated elsewhere: rows of one group add up, and impossible rows are refused.</summary>
public sealed class FromCountsTests
{
    private static readonly ReportingPeriod March = Month(2026, 3);

    [Fact]
    public void NewOrdersFromCounts_RowsOfOneBucket_AddUpPerBucketAndStatus()
    {
        var report = NewOrdersCalculator.FromCounts(
            March,
            [new OrderCount(2, OrderStatus.Confirmed, 3), new OrderCount(2, OrderStatus.Cancelled, 1), new OrderCount(2, OrderStatus.Confirmed, 2), new OrderCount(30, OrderStatus.Submitted, 4)]);

        Assert.Equal(6, report.Buckets[2].Orders);
        Assert.Equal(1, report.Buckets[2].Cancelled);
        Assert.Equal(4, report.Buckets[30].Orders);
        Assert.Equal(10, report.TotalOrders);
        Assert.Equal(5, report.ByStatus.Single(s => s.Status == OrderStatus.Confirmed).Orders);
        Assert.All(report.Buckets.Where((_, i) => i is not 2 and not 30), bucket => Assert.Equal(0, bucket.Orders));
    }

    [Theory]
    [InlineData(-1, 1L, "bucket -1")]
    [InlineData(31, 1L, "bucket 31")]
    [InlineData(0, -2L, "negative")]
    public void NewOrdersFromCounts_ImpossibleRow_ThrowsArgumentExceptionNamingIt(int bucket, long orders, string named)
    {
        var error = Assert.Throws<InvalidInputException>("counts", () => NewOrdersCalculator.FromCounts(March, [new OrderCount(bucket, OrderStatus.Submitted, orders)]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewOrdersFromCounts_UndefinedStatus_ThrowsArgumentException()
    {
        Assert.Throws<InvalidInputException>("counts", () => NewOrdersCalculator.FromCounts(March, [new OrderCount(0, (OrderStatus)99, 1)]));
    }

    [Fact]
    public void ConversionFromCounts_RowsOfOneSource_AddUpInEveryBreakdown()
    {
        var owner = UserId.New();
        var report = ConversionCalculator.FromCounts(
            March,
            [new LeadOutcomeCount("website", owner, null, 4, 1, 2), new LeadOutcomeCount("website", null, null, 2, 1, 0), new LeadOutcomeCount("showroom", owner, null, 4, 3, 0)],
            Utc(2026, 4, 1));

        Assert.Equal(new ConversionCounts(10, 5, 2), report.Overall);
        Assert.Equal(new ConversionCounts(6, 2, 2), report.BySource.Single(s => s.Source == "website").Counts);
        Assert.Equal(new ConversionCounts(8, 4, 2), report.ByOwner.Single(o => o.OwnerId == owner).Counts);
        Assert.Equal(new ConversionCounts(10, 5, 2), Assert.Single(report.ByCampaign).Counts);
    }

    [Theory]
    [InlineData(-1L, 0L, 0L)]
    [InlineData(2L, -1L, 0L)]
    [InlineData(3L, 2L, 2L)]
    public void ConversionFromCounts_ImpossibleRow_ThrowsArgumentException(long leads, long won, long lost)
    {
        var error = Assert.Throws<InvalidInputException>("counts", () =>
            ConversionCalculator.FromCounts(March, [new LeadOutcomeCount("website", null, null, leads, won, lost)], Utc(2026, 4, 1)));

        Assert.Contains("'website'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RevenueFromSums_RowsOfOneSegmentAndCurrency_AddUp()
    {
        var report = RevenueBySegmentCalculator.FromSums(
            March,
            [new RevenueSum(ProductSegment.Suv, Money.Euros(42_000m), 1), new RevenueSum(ProductSegment.Suv, Money.Euros(-2_000.50m), 1), new RevenueSum(ProductSegment.CityCar, Money.Euros(21_500m), 2)]);

        Assert.Equal(Money.Euros(39_999.50m), report.Segments.Single(s => s.Segment == ProductSegment.Suv).Net);
        Assert.Equal(Money.Euros(61_499.50m), report.TotalIn(Currency.Eur));
    }

    [Fact]
    public void RevenueFromSums_NoSegment_ThrowsArgumentException()
    {
        Assert.Throws<InvalidInputException>("sums", () => RevenueBySegmentCalculator.FromSums(March, [new RevenueSum(default, Money.Euros(1m), 1)]));
    }

    [Fact]
    public void RevenueFromSums_NoLine_ThrowsArgumentException()
    {
        Assert.Throws<InvalidInputException>("sums", () => RevenueBySegmentCalculator.FromSums(March, [new RevenueSum(ProductSegment.Suv, Money.Euros(1m), 0)]));
    }
}
