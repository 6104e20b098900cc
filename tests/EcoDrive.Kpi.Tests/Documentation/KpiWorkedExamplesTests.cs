using System.Text.Json;
using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

/// <summary>
/// The worked examples of docs/kpis.md, figure for figure. Each is computed three ways — record facts, columnar tables
/// and the incremental projection — which must agree.
/// </summary>
public sealed class KpiWorkedExamplesTests
{
    private static readonly CampaignId _springSuv = CampaignId.From(Guid.Parse("0192f0a0-0000-7000-8000-000000000001"));
    private static readonly UserId _alice = UserId.From(Guid.Parse("0192f0a0-0000-7000-8000-0000000000a1"));
    private static readonly UserId _bob = UserId.From(Guid.Parse("0192f0a0-0000-7000-8000-0000000000b0"));

    // Example 1: the week of the switch to summer time (Sunday 29 March 2026, 02:00 → 03:00 in Paris).
    private static readonly OrderFact[] _dstWeekOrders =
    [
        Order(Utc(2026, 3, 23, 8), OrderStatus.Confirmed),   // Monday 09:00 CET
        Order(Utc(2026, 3, 28, 22, 59), OrderStatus.Cancelled), // Saturday 23:59 CET
        Order(Utc(2026, 3, 28, 23, 0)),                       // Sunday 00:00 CET
        Order(Utc(2026, 3, 29, 21, 59), OrderStatus.Paid),   // Sunday 23:59 CEST
        Order(Utc(2026, 3, 29, 22, 0)),                       // Monday 30 00:00 CEST: next week
        Order(Utc(2026, 3, 22, 22, 59)),                      // Sunday 22 23:59 CET: previous week
    ];

    // Example 3: the March 2026 cohort, as of 15 April 2026.
    private static readonly LeadFact[] _marchLeads =
    [
        new(LeadId.New(), Utc(2026, 3, 2, 9), Utc(2026, 3, 20, 15), null, "website", _alice),
        new(LeadId.New(), Utc(2026, 3, 3, 9), Utc(2026, 4, 20, 15), null, "campaign", _bob, _springSuv),
        new(LeadId.New(), Utc(2026, 3, 4, 9), null, Utc(2026, 3, 10, 15), "campaign", _bob, _springSuv),
        new(LeadId.New(), Utc(2026, 3, 5, 9), null, null, "showroom", null),
        new(LeadId.New(), Utc(2026, 2, 20, 9), Utc(2026, 3, 5, 15), null, "website", _alice),
    ];

    private static readonly DateTimeOffset _april15 = Utc(2026, 4, 15, 8);

    // Example 4: a January invoice and a credit note on it issued in February.
    private static readonly RevenueFact[] _invoiceAndCreditNote =
    [
        Revenue(Utc(2026, 1, 20, 10), ProductSegment.Suv, 30_000m),
        Revenue(Utc(2026, 1, 20, 10), ProductSegment.CityCar, 18_500m),
        Revenue(Utc(2026, 2, 3, 9), ProductSegment.Suv, -5_000m),
    ];

    [Fact]
    public void NewOrders_DstWeekByDay_CountsEachParisDayAndTheShortSunday()
    {
        var week = Period(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30));

        var report = AllPaths(week, orders: _dstWeekOrders).NewOrders;

        Assert.Equal([1, 0, 0, 0, 0, 1, 2], report.Buckets.Select(b => b.Orders));
        Assert.Equal([0, 0, 0, 0, 0, 1, 0], report.Buckets.Select(b => b.Cancelled));
        Assert.Equal(TimeSpan.FromHours(23), report.Buckets[6].Bucket.Duration);
        Assert.Equal((4, 1), (report.TotalOrders, report.TotalCancelled));
        Assert.Equal(
            [(OrderStatus.Submitted, 1), (OrderStatus.Confirmed, 1), (OrderStatus.Paid, 1), (OrderStatus.Cancelled, 1)],
            report.ByStatus.Where(s => s.Orders > 0).Select(s => (s.Status, s.Orders)));
    }

    [Fact]
    public void NewOrders_DstWeekByIsoWeek_IsOneBucketOf167Hours()
    {
        var week = Period(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30), TimeBucket.IsoWeek);

        var bucket = Assert.Single(AllPaths(week, orders: _dstWeekOrders).NewOrders.Buckets);

        Assert.Equal("2026-W13", bucket.Bucket.Label);
        Assert.Equal(TimeSpan.FromHours(167), bucket.Bucket.Duration);
        Assert.Equal((4, 1), (bucket.Orders, bucket.Cancelled));
    }

    [Fact]
    public void NewOrders_MonthBoundaryAtParisMidnight_CountsTheMidnightOrderInTheNewMonth()
    {
        OrderFact[] orders = [Order(Utc(2026, 1, 31, 22, 59)), Order(Utc(2026, 1, 31, 23, 0))];
        var months = Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), TimeBucket.Month);

        var report = AllPaths(months, orders: orders).NewOrders;

        Assert.Equal(["2026-01", "2026-02"], report.Buckets.Select(b => b.Bucket.Label));
        Assert.Equal([1, 1], report.Buckets.Select(b => b.Orders));
        Assert.Equal(Utc(2026, 1, 31, 23, 0), report.Buckets[1].Bucket.UtcStart);
    }

    [Fact]
    public void Conversion_MarchCohort_GivesRateWinRateAndBreakdowns()
    {
        var report = AllPaths(Month(2026, 3), leads: _marchLeads, asOf: _april15).Conversion;

        Assert.Equal((1, 4, 0.25m, 0.5m), (report.Numerator, report.Denominator, report.Rate, report.WinRate));
        Assert.Equal((1, 1, 2, 2), (report.Overall.Won, report.Overall.Lost, report.Overall.Open, report.Overall.Closed));
        Assert.Equal(
            [("campaign", 2, 0, 1), ("showroom", 1, 0, 0), ("website", 1, 1, 0)],
            report.BySource.Select(s => (s.Source, s.Counts.Leads, s.Counts.Won, s.Counts.Lost)));
        Assert.Equal([(_bob, 2), (_alice, 1), (null, 1)], report.ByOwner.Select(o => (o.OwnerId, o.Counts.Leads)));
        Assert.Equal(
            [(_springSuv, 2, 0m), (null, 2, 0.5m)],
            report.ByCampaign.Select(c => (c.CampaignId, c.Counts.Leads, c.Counts.Rate ?? -1m)));
    }

    [Fact]
    public void Conversion_PeriodWithoutLeads_HasNoRate()
    {
        var report = AllPaths(Month(2026, 5), leads: _marchLeads, asOf: _april15.AddMonths(2)).Conversion;

        Assert.Equal((0, 0), (report.Numerator, report.Denominator));
        Assert.Null(report.Rate);
        Assert.Null(report.WinRate);
        Assert.Contains("\"rate\":null", JsonSerializer.Serialize(report, EcoDriveJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_CreditNoteInTheNextMonth_ReducesThatMonth()
    {
        var january = AllPaths(Month(2026, 1), revenue: _invoiceAndCreditNote).Revenue;
        var february = AllPaths(Month(2026, 2), revenue: _invoiceAndCreditNote).Revenue;

        Assert.Equal([30_000m, 18_500m, 0m], january.Segments.Select(s => s.Net.Amount));
        Assert.Equal(Money.Euros(48_500m), january.TotalIn(Currency.Eur));
        Assert.Equal([-5_000m, 0m, 0m], february.Segments.Select(s => s.Net.Amount));
        Assert.Equal(Money.Euros(-5_000m), february.TotalIn(Currency.Eur));
    }

    [Fact]
    public void CompareWithPrevious_FebruaryAgainstJanuary_GivesTheChanges()
    {
        var comparison = SalesDashboard.CompareWithPrevious(
            Month(2026, 2), Utc(2026, 3, 1), OrderFacts.From(_dstWeekOrders), LeadFacts.From(_marchLeads), RevenueFacts.From(_invoiceAndCreditNote));

        Assert.Equal(Month(2026, 1), comparison.Previous.Period);
        Assert.Equal(Utc(2026, 1, 29), comparison.Previous.AsOf); // shifted back by the 31 days between the two starts
        Assert.Equal([Money.Euros(-53_500m)], comparison.RevenueChange);
        Assert.Equal(0, comparison.NewOrdersChange);
        Assert.Null(comparison.ConversionRateChange);
    }

    [Fact]
    public void RevenueJson_January_HasTheDocumentedShape()
    {
        var january = RevenueBySegmentCalculator.Compute(Month(2026, 1, TimeBucket.Month), _invoiceAndCreditNote);

        Assert.Equal(
            """{"period":{"from":"2026-01-01","to":"2026-02-01","bucket":"month","timeZone":"Europe/Paris"},"segments":[{"segment":"suv","net":{"amount":"30000.00","currency":"EUR"}},{"segment":"city-car","net":{"amount":"18500.00","currency":"EUR"}},{"segment":"utility","net":{"amount":"0.00","currency":"EUR"}}],"totals":[{"amount":"48500.00","currency":"EUR"}]}""",
            JsonSerializer.Serialize(january, EcoDriveJson.Options));
    }

    [Fact]
    public void ReportingPeriodJson_RoundTrips()
    {
        var period = Period(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30), TimeBucket.IsoWeek);

        var json = JsonSerializer.Serialize(period, EcoDriveJson.Options);

        Assert.Equal("""{"from":"2026-03-23","to":"2026-03-30","bucket":"isoWeek","timeZone":"Europe/Paris"}""", json);
        Assert.Equal(period, JsonSerializer.Deserialize<ReportingPeriod>(json, EcoDriveJson.Options));
    }

    /// <summary>The dashboard from record facts, checked equal to the columnar fast path's and the projection's.</summary>
    private static SalesDashboardReport AllPaths(ReportingPeriod period, OrderFact[]? orders = null, LeadFact[]? leads = null, RevenueFact[]? revenue = null, DateTimeOffset? asOf = null)
    {
        orders ??= [];
        leads ??= [];
        revenue ??= [];
        var at = asOf ?? period.UtcEnd.AddDays(30);
        var records = new SalesDashboardReport(
            period,
            at,
            NewOrdersCalculator.Compute(period, orders),
            ConversionCalculator.Compute(period, leads, at),
            RevenueBySegmentCalculator.Compute(period, revenue));

        KpiGen.AssertSameJson(records, SalesDashboard.Compute(period, at, OrderFacts.From(orders), LeadFacts.From(leads), RevenueFacts.From(revenue)));

        var projection = new SalesDashboardProjection(period);
        foreach (var order in orders)
        {
            projection.OrderSubmitted(order);
        }

        foreach (var lead in leads)
        {
            projection.LeadCreated(lead with { WonAt = null, LostAt = null });
            if (lead.WonAt <= at)
            {
                projection.LeadWon(lead with { LostAt = null });
            }
            else if (lead.LostAt <= at)
            {
                projection.LeadLost(lead with { WonAt = null });
            }
        }

        foreach (var line in revenue)
        {
            projection.RevenueIssued(line);
        }

        KpiGen.AssertSameJson(records, projection.ToReport(at));
        return records;
    }
}
