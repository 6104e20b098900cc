using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EcoDrive.Core;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// The three KPIs on an EcoDrive database (SQLite file, PostgreSQL server) with the periods of the other KPI
/// benchmarks: aggregated in SQL through the adapter's <see cref="IKpiAggregateSource"/> (what the dashboard does),
/// against reading every fact of the period through <see cref="IKpiFactSource"/> and computing in .NET (the baseline,
/// what the dashboard did before). Each setup checks that both give the same report.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[WarmupCount(1)]
[IterationCount(5)]
public class SqlKpiBenchmarks
{
    private static readonly ReportingPeriod DaysOfThreeYears = new(new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), TimeBucket.Day);
    private static readonly ReportingPeriod MonthsOf2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), TimeBucket.Month);
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private ServiceProvider _services = null!;
    private IKpiAggregateSource _aggregates = null!;
    private IKpiFactSource _facts = null!;

    /// <summary>Facts of each kind in the three-year history.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.Values))]
    public int N { get; set; }

    /// <summary>The database engine.</summary>
    [ParamsSource(typeof(SqlKpiStore), nameof(SqlKpiStore.Engines))]
    public string Engine { get; set; } = SqlKpiStore.Sqlite;

    [GlobalSetup(Targets = [nameof(NewOrdersFromFacts), nameof(NewOrdersInSql)])]
    public Task SetupNewOrdersAsync() => SetupAsync(async () => Check(await NewOrdersFromFacts(), await NewOrdersInSql()));

    [GlobalSetup(Targets = [nameof(ConversionFromFacts), nameof(ConversionInSql)])]
    public Task SetupConversionAsync() => SetupAsync(async () => Check(await ConversionFromFacts(), await ConversionInSql()));

    [GlobalSetup(Targets = [nameof(RevenueFromFacts), nameof(RevenueInSql)])]
    public Task SetupRevenueAsync() => SetupAsync(async () => Check(await RevenueFromFacts(), await RevenueInSql()));

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _services.DisposeAsync();

    /// <summary>New orders per Paris day over three years (1,096 buckets): every order read into .NET.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("NewOrders")]
    public async Task<NewOrdersReport> NewOrdersFromFacts() =>
        NewOrdersCalculator.Compute(DaysOfThreeYears, await _facts.GetOrderFactsAsync(DaysOfThreeYears.UtcStart, DaysOfThreeYears.UtcEnd));

    /// <summary>New orders per Paris day over three years, counted in SQL per day and status.</summary>
    [Benchmark]
    [BenchmarkCategory("NewOrders")]
    public async Task<NewOrdersReport> NewOrdersInSql() =>
        NewOrdersCalculator.FromCounts(DaysOfThreeYears, await _aggregates.CountOrdersAsync(DaysOfThreeYears));

    /// <summary>Conversion of the 2025 cohort by month, as of mid-January 2026: the cohort's leads read into .NET.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Conversion")]
    public async Task<ConversionReport> ConversionFromFacts() =>
        ConversionCalculator.Compute(MonthsOf2025, await _facts.GetLeadFactsAsync(MonthsOf2025.UtcStart, MonthsOf2025.UtcEnd), AsOf);

    /// <summary>Conversion of the 2025 cohort, counted in SQL per source, owner and campaign.</summary>
    [Benchmark]
    [BenchmarkCategory("Conversion")]
    public async Task<ConversionReport> ConversionInSql() =>
        ConversionCalculator.FromCounts(MonthsOf2025, await _aggregates.CountLeadOutcomesAsync(MonthsOf2025, AsOf), AsOf);

    /// <summary>Revenue by segment over 2025: the year's invoice and credit-note lines read into .NET.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Revenue")]
    public async Task<RevenueBySegmentReport> RevenueFromFacts() =>
        RevenueBySegmentCalculator.Compute(MonthsOf2025, await _facts.GetRevenueFactsAsync(MonthsOf2025.UtcStart, MonthsOf2025.UtcEnd));

    /// <summary>Revenue by segment over 2025, summed in SQL per segment and currency.</summary>
    [Benchmark]
    [BenchmarkCategory("Revenue")]
    public async Task<RevenueBySegmentReport> RevenueInSql() =>
        RevenueBySegmentCalculator.FromSums(MonthsOf2025, await _aggregates.SumRevenueAsync(MonthsOf2025));

    private static void Check<T>(T fromFacts, T inSql)
    {
        string expected = JsonSerializer.Serialize(fromFacts, EcoDriveJson.Options), actual = JsonSerializer.Serialize(inSql, EcoDriveJson.Options);
        if (expected != actual)
        {
            throw new InvalidOperationException($"The SQL aggregation of {typeof(T).Name} differs from the calculator's over the facts.");
        }
    }

    private async Task SetupAsync(Func<Task> check)
    {
        _services = await SqlKpiStore.OpenAsync(Engine, KpiDataSet.Get(N));
        _aggregates = _services.GetRequiredService<IKpiAggregateSource>();
        _facts = _services.GetRequiredService<IKpiFactSource>();
        await check();
    }
}
