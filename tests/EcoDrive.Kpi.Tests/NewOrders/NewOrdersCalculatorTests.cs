using EcoDrive.Core;
using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed partial class NewOrdersCalculatorTests
{
    [Fact]
    public void Compute_OrderJustAfterParisMidnightOnMonthBoundary_CountsInFebruary()
    {
        var period = Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), TimeBucket.Month);
        OrderFact[] orders = [Order(Utc(2026, 1, 31, 23, 30)), Order(Utc(2026, 1, 31, 22, 59))];

        var report = NewOrdersCalculator.Compute(period, orders);

        Assert.Equal("2026-01", report.Buckets[0].Bucket.Label);
        Assert.Equal(1, report.Buckets[0].Orders);
        Assert.Equal("2026-02", report.Buckets[1].Bucket.Label);
        Assert.Equal(1, report.Buckets[1].Orders);
    }

    [Fact]
    public void Compute_DstWeekInParis_BucketsByLocalDay()
    {
        // Week of Monday 2026-03-23; clocks go forward on Sunday 2026-03-29, so Paris is UTC+1 before and UTC+2 after.
        var period = Period(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 31), TimeBucket.Day);
        OrderFact[] orders =
        [
            Order(Utc(2026, 3, 28, 23, 0)),  // 2026-03-29 00:00 in Paris
            Order(Utc(2026, 3, 29, 21, 59)), // 2026-03-29 23:59 in Paris
            Order(Utc(2026, 3, 29, 22, 30)), // 2026-03-30 00:30 in Paris
        ];

        var report = NewOrdersCalculator.Compute(period, orders);

        var sunday = report.Buckets.Single(b => b.Bucket.LocalStart == new DateOnly(2026, 3, 29));
        var monday = report.Buckets.Single(b => b.Bucket.LocalStart == new DateOnly(2026, 3, 30));
        Assert.Equal(TimeSpan.FromHours(23), sunday.Bucket.Duration);
        Assert.Equal(2, sunday.Orders);
        Assert.Equal(1, monday.Orders);
        Assert.Equal(3, report.TotalOrders);
    }

    [Fact]
    public void Compute_IsoWeek_NewBucketStartsAtMondayMidnightInParis()
    {
        var period = Period(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16), TimeBucket.IsoWeek);
        OrderFact[] orders =
        [
            Order(Utc(2026, 3, 8, 22, 59)), // Sunday 23:59 in Paris
            Order(Utc(2026, 3, 8, 23, 0)),  // Monday 00:00 in Paris
        ];

        var report = NewOrdersCalculator.Compute(period, orders);

        Assert.Equal(DayOfWeek.Monday, report.Buckets[1].Bucket.LocalStart.DayOfWeek);
        Assert.Equal([1, 1], report.Buckets.Select(b => b.Orders));
    }

    [Fact]
    public void Compute_BucketsWithoutOrders_ArePresentWithZero()
    {
        var period = Period(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 8), TimeBucket.Day);
        OrderFact[] orders = [Order(Utc(2026, 3, 3, 10))];

        var report = NewOrdersCalculator.Compute(period, orders);

        Assert.Equal(7, report.Buckets.Count);
        Assert.Equal([0, 0, 1, 0, 0, 0, 0], report.Buckets.Select(b => b.Orders));
        Assert.All(report.Buckets, b => Assert.Equal(0, b.Cancelled));
    }

    [Fact]
    public void Compute_NoOrders_ReportsEveryBucketWithZero()
    {
        var report = NewOrdersCalculator.Compute(Month(2026, 2), []);

        Assert.Equal(28, report.Buckets.Count);
        Assert.Equal(0, report.TotalOrders);
        Assert.Equal(0, report.TotalCancelled);
    }

    [Fact]
    public void Compute_CancelledOrders_CountAsNewAndSeparatelyAsCancelled()
    {
        var period = Month(2026, 3, TimeBucket.Month);
        OrderFact[] orders =
        [
            Order(Utc(2026, 3, 2, 9), OrderStatus.Cancelled),
            Order(Utc(2026, 3, 3, 9), OrderStatus.Paid),
            Order(Utc(2026, 3, 4, 9), OrderStatus.Rejected),
            Order(Utc(2026, 3, 5, 9), OrderStatus.Cancelled),
        ];

        var report = NewOrdersCalculator.Compute(period, orders);

        var month = Assert.Single(report.Buckets);
        Assert.Equal(4, month.Orders);
        Assert.Equal(2, month.Cancelled);
        Assert.Equal(4, report.TotalOrders);
        Assert.Equal(2, report.TotalCancelled);
    }

    [Fact]
    public void Compute_OrdersOutsideThePeriod_AreIgnored()
    {
        var period = Month(2026, 3, TimeBucket.Month);
        OrderFact[] orders =
        [
            Order(period.UtcStart.AddTicks(-1)),
            Order(period.UtcStart),
            Order(period.UtcEnd.AddTicks(-1)),
            Order(period.UtcEnd),
        ];

        var report = NewOrdersCalculator.Compute(period, orders);

        Assert.Equal(2, report.TotalOrders);
    }

    [Fact]
    public void Compute_TotalsAreTheSumOfTheBuckets()
    {
        var period = Month(2026, 3);
        var orders = Enumerable.Range(0, 200)
            .Select(i => Order(period.UtcStart.AddHours(i * 3.7), i % 5 == 0 ? OrderStatus.Cancelled : OrderStatus.Confirmed))
            .ToArray();

        var report = NewOrdersCalculator.Compute(period, orders);

        Assert.Equal(report.Buckets.Sum(b => b.Orders), report.TotalOrders);
        Assert.Equal(report.Buckets.Sum(b => b.Cancelled), report.TotalCancelled);
        Assert.Equal(orders.Count(o => period.Contains(o.SubmittedAt)), report.TotalOrders);
    }

    [Fact]
    public void Compute_ArrayListOrLazySequence_GiveTheSameReport()
    {
        var period = Month(2026, 3, TimeBucket.IsoWeek);
        var orders = Enumerable.Range(0, 50).Select(i => Order(Utc(2026, 2, 27).AddHours(i * 17), (OrderStatus)(i % 9))).ToArray();

        var fromArray = NewOrdersCalculator.Compute(period, orders);
        var fromList = NewOrdersCalculator.Compute(period, orders.ToList());
        var fromSequence = NewOrdersCalculator.Compute(period, orders.Select(o => o));

        Assert.Equal(fromArray.Buckets, fromList.Buckets);
        Assert.Equal(fromArray.Buckets, fromSequence.Buckets);
    }

    [Fact]
    public void Compute_NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("period", () => NewOrdersCalculator.Compute(null!, []));
        Assert.Throws<ArgumentNullException>("orders", () => NewOrdersCalculator.Compute(Month(2026, 3), (IEnumerable<OrderFact>)null!));
    }
}
