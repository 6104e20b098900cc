using EcoDrive.Core;
using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class RevenueBySegmentCalculatorTests
{
    [Fact]
    public void Compute_NoFacts_ListsEveryStandardSegmentAtZeroEuros()
    {
        var report = RevenueBySegmentCalculator.Compute(Month(2026, 3), []);

        Assert.Equal(ProductSegment.Standard, report.Segments.Select(s => s.Segment));
        Assert.All(report.Segments, s => Assert.Equal(Money.Euros(0m), s.Net));
        Assert.Equal([Money.Euros(0m)], report.Totals);
    }

    [Fact]
    public void Compute_SomeSegmentsWithoutSales_ListsThemWithZero()
    {
        RevenueFact[] facts = [Revenue(Utc(2026, 3, 10), ProductSegment.Suv, 42_000m)];

        var report = RevenueBySegmentCalculator.Compute(Month(2026, 3), facts);

        Assert.Equal(
            [new SegmentRevenue(ProductSegment.Suv, Money.Euros(42_000m)), new SegmentRevenue(ProductSegment.CityCar, Money.Euros(0m)), new SegmentRevenue(ProductSegment.Utility, Money.Euros(0m))],
            report.Segments);
    }

    [Fact]
    public void Compute_CreditNoteIssuedInTheNextPeriod_CountsThereNotInTheInvoicePeriod()
    {
        RevenueFact[] facts =
        [
            Revenue(Utc(2026, 1, 20, 10), ProductSegment.Suv, 30_000m),
            Revenue(Utc(2026, 1, 20, 10), ProductSegment.CityCar, 18_500m),
            Revenue(Utc(2026, 2, 3, 9), ProductSegment.Suv, -5_000m), // credit note on January's invoice
        ];

        var january = RevenueBySegmentCalculator.Compute(Month(2026, 1), facts);
        var february = RevenueBySegmentCalculator.Compute(Month(2026, 2), facts);

        Assert.Equal(Money.Euros(30_000m), january.NetOf(ProductSegment.Suv, Currency.Eur));
        Assert.Equal(Money.Euros(48_500m), january.TotalIn(Currency.Eur));
        Assert.Equal(Money.Euros(-5_000m), february.NetOf(ProductSegment.Suv, Currency.Eur));
        Assert.Equal(Money.Euros(0m), february.NetOf(ProductSegment.CityCar, Currency.Eur));
        Assert.Equal(Money.Euros(-5_000m), february.TotalIn(Currency.Eur));
    }

    [Fact]
    public void Compute_FactAtParisMidnightOnMonthBoundary_CountsInTheNewMonth()
    {
        RevenueFact[] facts = [Revenue(Utc(2026, 1, 31, 23, 30), ProductSegment.Utility, 27_000m)];

        var january = RevenueBySegmentCalculator.Compute(Month(2026, 1), facts);
        var february = RevenueBySegmentCalculator.Compute(Month(2026, 2), facts);

        Assert.Equal(Money.Euros(0m), january.TotalIn(Currency.Eur));
        Assert.Equal(Money.Euros(27_000m), february.NetOf(ProductSegment.Utility, Currency.Eur));
    }

    [Fact]
    public void Compute_OtherSegment_IsListedAfterTheStandardOnes()
    {
        var sports = new ProductSegment("sports");
        var bus = new ProductSegment("bus");
        RevenueFact[] facts = [Revenue(Utc(2026, 3, 10), sports, 90_000m), Revenue(Utc(2026, 3, 11), bus, 150_000m)];

        var report = RevenueBySegmentCalculator.Compute(Month(2026, 3), facts);

        Assert.Equal([.. ProductSegment.Standard, bus, sports], report.Segments.Select(s => s.Segment));
        Assert.Equal(Money.Euros(90_000m), report.NetOf(sports, Currency.Eur));
    }

    [Fact]
    public void Compute_SeveralCurrencies_KeepsThemApartWithATotalEach()
    {
        var chf = Currency.FromCode("CHF");
        RevenueFact[] facts =
        [
            new(Utc(2026, 3, 10), ProductSegment.Suv, new Money(50_000m, chf)),
            Revenue(Utc(2026, 3, 11), ProductSegment.Suv, 40_000m),
            Revenue(Utc(2026, 3, 12), ProductSegment.CityCar, 20_000m),
            new(Utc(2026, 3, 13), ProductSegment.Utility, new Money(-1_000m, chf)),
        ];

        var report = RevenueBySegmentCalculator.Compute(Month(2026, 3), facts);

        Assert.Equal([Money.Euros(60_000m), new Money(49_000m, chf)], report.Totals);
        Assert.Equal(6, report.Segments.Count);
        Assert.Equal(Currency.Eur, report.Segments[0].Net.Currency);
        Assert.Equal(Money.Zero(chf), report.NetOf(ProductSegment.CityCar, chf));
        foreach (var total in report.Totals)
        {
            Assert.Equal(total, Money.Sum(report.Segments.Where(s => s.Net.Currency == total.Currency).Select(s => s.Net), total.Currency));
        }
    }

    [Fact]
    public void Compute_ManyCents_SumsExactly()
    {
        var period = Month(2026, 3);
        var facts = Enumerable.Range(0, 1000).Select(i => Revenue(period.UtcStart.AddMinutes(i), ProductSegment.CityCar, 0.1m)).ToList();

        var report = RevenueBySegmentCalculator.Compute(period, facts);

        Assert.Equal(100.00m, report.NetOf(ProductSegment.CityCar, Currency.Eur).Amount);
    }

    [Fact]
    public void Compute_Totals_AreTheSumOfTheRows()
    {
        var period = Month(2026, 3);
        var segments = ProductSegment.Standard.Append(new ProductSegment("sports")).ToArray();
        var facts = Enumerable.Range(0, 500)
            .Select(i => Revenue(period.UtcStart.AddHours(i * 1.3), segments[i % segments.Length], (i % 7 == 0 ? -1 : 1) * (1000m + (i * 13.37m))))
            .Select(f => f);

        var report = RevenueBySegmentCalculator.Compute(period, facts);

        Assert.Equal(Money.Sum(report.Segments.Select(s => s.Net), Currency.Eur), Assert.Single(report.Totals));
        Assert.Equal(facts.Where(f => period.Contains(f.IssuedAt)).Sum(f => f.Net.Amount), report.TotalIn(Currency.Eur).Amount);
    }

    [Fact]
    public void Compute_FactWithoutSegment_ThrowsArgumentException()
    {
        RevenueFact[] facts = [new(Utc(2026, 3, 10), default, Money.Euros(1m))];

        Assert.Throws<InvalidInputException>("facts", () => RevenueBySegmentCalculator.Compute(Month(2026, 3), facts));
    }
}
