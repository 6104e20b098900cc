using BenchmarkDotNet.Attributes;
using EcoDrive.Core;
using EcoDrive.Kpi;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// KPI 3 over one year of a three-year invoice history: the EcoDrive calculator against what a user would write
/// instead, a LINQ <c>Where</c> + <c>GroupBy</c> + <c>Sum</c>. Both must give the same figures (checked in setup).
/// </summary>
[MemoryDiagnoser]
public class RevenueBySegmentBenchmarks
{
    private const int Seed = 20260329;

    private RevenueFact[] _facts = [];
    private ReportingPeriod _period = null!;

    /// <summary>Number of invoice and credit-note lines in the history.</summary>
    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Three years of lines (2024-2026), about one in twenty a credit note; the KPI reports the middle year by month.
        var random = new Random(Seed);
        ProductSegment[] segments = [ProductSegment.Suv, ProductSegment.CityCar, ProductSegment.Utility, new ProductSegment("sports")];
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var span = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks - start.UtcTicks;
        _facts = new RevenueFact[N];
        for (var i = 0; i < _facts.Length; i++)
        {
            var issuedAt = start.AddTicks(random.NextInt64(span));
            var cents = random.NextInt64(1_500_000, 9_000_000);
            var net = Money.FromMinorUnits(random.Next(20) == 0 ? -cents / 10 : cents, Currency.Eur);
            _facts[i] = new RevenueFact(issuedAt, segments[random.Next(segments.Length)], net);
        }

        _period = new ReportingPeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), TimeBucket.Month);

        var expected = LinqGroupBy();
        var report = EcoDriveCalculator();
        var agrees = report.Segments.All(row => row.Net.Amount == expected.GetValueOrDefault(row.Segment.Code))
            && expected.Keys.All(code => report.Segments.Any(row => row.Segment.Code == code))
            && report.TotalIn(Currency.Eur).Amount == expected.Values.Sum();
        if (!agrees)
        {
            throw new InvalidOperationException(
                $"The calculator and the LINQ baseline disagree: LINQ {string.Join(", ", expected)}; EcoDrive {string.Join(", ", report.Segments)}.");
        }
    }

    [Benchmark(Baseline = true, Description = "LINQ Where+GroupBy+Sum")]
    public Dictionary<string, decimal> LinqGroupBy()
    {
        var from = _period.UtcStart;
        var to = _period.UtcEnd;
        return _facts
            .Where(fact => fact.IssuedAt >= from && fact.IssuedAt < to)
            .GroupBy(fact => fact.Segment.Code)
            .ToDictionary(group => group.Key, group => group.Sum(fact => fact.Net.Amount), StringComparer.Ordinal);
    }

    [Benchmark(Description = "RevenueBySegmentCalculator")]
    public RevenueBySegmentReport EcoDriveCalculator() => RevenueBySegmentCalculator.Compute(_period, _facts);
}
