using EcoDrive.Core;
using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class ConversionCalculatorTests
{
    private static readonly DateTimeOffset _asOf = Utc(2026, 4, 15);

    [Fact]
    public void Compute_NoLeads_HasNoRateNorWinRate()
    {
        var report = ConversionCalculator.Compute(Month(2026, 3), [], _asOf);

        Assert.Equal(0, report.Numerator);
        Assert.Equal(0, report.Denominator);
        Assert.Null(report.Rate);
        Assert.Null(report.WinRate);
        Assert.Empty(report.BySource);
        Assert.Empty(report.ByOwner);
    }

    [Fact]
    public void Compute_CohortOfThePeriod_ExposesNumeratorAndDenominator()
    {
        LeadFact[] leads =
        [
            Lead(Utc(2026, 3, 2), wonAt: Utc(2026, 3, 20)),        // won before asOf
            Lead(Utc(2026, 3, 3), wonAt: Utc(2026, 4, 20)),        // won after asOf: still open then
            Lead(Utc(2026, 3, 4), lostAt: Utc(2026, 3, 10)),       // lost
            Lead(Utc(2026, 3, 5)),                                 // open
            Lead(Utc(2026, 2, 20), wonAt: Utc(2026, 3, 5)),        // created before the period: not in the cohort
            Lead(Utc(2026, 3, 31, 22, 30), wonAt: Utc(2026, 4, 2)), // 1 April 00:30 in Paris: April's cohort
        ];

        var report = ConversionCalculator.Compute(Month(2026, 3), leads, _asOf);

        Assert.Equal(1, report.Numerator);
        Assert.Equal(4, report.Denominator);
        Assert.Equal(0.25m, report.Rate);
        Assert.Equal(1, report.Overall.Lost);
        Assert.Equal(2, report.Overall.Open);
        Assert.Equal(0.5m, report.WinRate);
        Assert.Equal(_asOf, report.AsOf);
    }

    [Fact]
    public void Compute_WonExactlyAtAsOf_CountsAsWon()
    {
        LeadFact[] leads = [Lead(Utc(2026, 3, 2), wonAt: _asOf)];

        var report = ConversionCalculator.Compute(Month(2026, 3), leads, _asOf);

        Assert.Equal(1m, report.Rate);
    }

    [Fact]
    public void Compute_NoLeadClosedByAsOf_HasRateButNoWinRate()
    {
        LeadFact[] leads = [Lead(Utc(2026, 3, 2)), Lead(Utc(2026, 3, 3), wonAt: Utc(2026, 5, 1))];

        var report = ConversionCalculator.Compute(Month(2026, 3), leads, _asOf);

        Assert.Equal(0m, report.Rate);
        Assert.Null(report.WinRate);
        Assert.Equal(2, report.Overall.Open);
    }

    [Fact]
    public void Compute_LeadsFromSeveralSourcesAndOwners_BreaksDownTheCohort()
    {
        var alice = UserId.New();
        var bob = UserId.New();
        LeadFact[] leads =
        [
            Lead(Utc(2026, 3, 2), wonAt: Utc(2026, 3, 9), source: "showroom", owner: alice),
            Lead(Utc(2026, 3, 3), lostAt: Utc(2026, 3, 9), source: "showroom", owner: alice),
            Lead(Utc(2026, 3, 4), source: "showroom", owner: bob),
            Lead(Utc(2026, 3, 5), wonAt: Utc(2026, 3, 9), source: "website", owner: bob),
            Lead(Utc(2026, 3, 6), source: "website"),
        ];

        var report = ConversionCalculator.Compute(Month(2026, 3), leads, _asOf);

        Assert.Equal(["showroom", "website"], report.BySource.Select(s => s.Source));
        var showroom = report.BySource[0].Counts;
        Assert.Equal((3, 1, 1, 1), (showroom.Leads, showroom.Won, showroom.Lost, showroom.Open));
        Assert.Equal(1m / 3m, showroom.Rate);
        Assert.Equal(0.5m, showroom.WinRate);
        var website = report.BySource[1].Counts;
        Assert.Equal((2, 1), (website.Denominator, website.Numerator));

        Assert.Equal(3, report.ByOwner.Count);
        Assert.Equal(new ConversionCounts(2, 1, 1), report.ByOwner.Single(o => o.OwnerId == alice).Counts);
        Assert.Equal(new ConversionCounts(2, 1, 0), report.ByOwner.Single(o => o.OwnerId == bob).Counts);
        Assert.Null(report.ByOwner[^1].OwnerId);
        Assert.Equal(new ConversionCounts(1, 0, 0), report.ByOwner[^1].Counts);

        Assert.Equal(report.Denominator, report.BySource.Sum(s => s.Counts.Leads));
        Assert.Equal(report.Numerator, report.ByOwner.Sum(o => o.Counts.Won));
    }

    [Fact]
    public void ConversionCounts_WhenWonAndLostExceedLeads_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<InvalidInputException>(() => new ConversionCounts(2, 2, 1));
        Assert.Throws<InvalidInputException>(() => new ConversionCounts(-1, 0, 0));
    }
}
