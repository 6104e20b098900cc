using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using EcoDrive.Core;
using EcoDrive.Kpi;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// KPI 3, revenue by segment and currency for 2025 out of a three-year invoice journal: EcoDrive's columnar fast path
/// and record-based calculator against naive LINQ over records with <c>decimal</c>, SQLite <c>GROUP BY</c> and DuckDB
/// (1 thread and default threads). Only the query is timed; every result is materialised, and each setup checks that
/// its engine gives the same figures as a plain loop over the raw columns.
/// </summary>
[MemoryDiagnoser]
public class RevenueBySegmentBenchmarks
{
    private static readonly ReportingPeriod Period = new(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), TimeBucket.Month);

    private KpiDataSet _data = null!;
    private RevenueFact[] _records = [];
    private RevenueFacts _columns = null!;
    private RevenueFacts _shuffled = null!;
    private SqliteConnection? _sqlite;
    private DuckDBConnection? _duckDb;

    /// <summary>Invoice and credit-note lines in the journal.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The sizes from <see cref="BenchmarkSizes"/>.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    [GlobalSetup(Targets = [nameof(Linq), nameof(EcoDriveRecords)])]
    public void SetupRecords()
    {
        _data = KpiDataSet.Get(N);
        _records = _data.RevenueRecords();
        Check(Linq());
        Check(ToMinorUnits(EcoDriveRecords()));
    }

    [GlobalSetup(Target = nameof(EcoDriveColumnar))]
    public void SetupColumnar()
    {
        _data = KpiDataSet.Get(N);
        _columns = _data.RevenueColumns();
        Check(ToMinorUnits(EcoDriveColumnar()));
    }

    [GlobalSetup(Target = nameof(EcoDriveColumnarUnsorted))]
    public void SetupColumnarUnsorted()
    {
        _data = KpiDataSet.Get(N);
        _shuffled = _data.RevenueColumns(shuffled: true);
        Check(ToMinorUnits(EcoDriveColumnarUnsorted()));
    }

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetupSqlite()
    {
        _data = KpiDataSet.Get(N);
        _sqlite = Engines.OpenSqlite(_data, "revenue_lines");
        Check(Sqlite());
    }

    [GlobalSetup(Target = nameof(DuckDb1Thread))]
    public void SetupDuckDb1Thread()
    {
        _data = KpiDataSet.Get(N);
        _duckDb = Engines.OpenDuckDb(_data, "revenue_lines", threads: 1);
        Check(DuckDb1Thread());
    }

    [GlobalSetup(Target = nameof(DuckDbDefaultThreads))]
    public void SetupDuckDbDefaultThreads()
    {
        _data = KpiDataSet.Get(N);
        _duckDb = Engines.OpenDuckDb(_data, "revenue_lines", threads: 0);
        Check(DuckDbDefaultThreads());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        _duckDb?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy, records, decimal")]
    public Dictionary<string, long> Linq()
    {
        var from = Period.UtcStart;
        var to = Period.UtcEnd;
        return _records
            .Where(fact => fact.IssuedAt >= from && fact.IssuedAt < to)
            .GroupBy(fact => (Segment: fact.Segment.Code, Currency: fact.Net.Currency.Code))
            .ToDictionary(group => group.Key.Segment, group => Money.Euros(group.Sum(fact => fact.Net.Amount)).MinorUnits, StringComparer.Ordinal);
    }

    [Benchmark(Description = "EcoDrive records")]
    public RevenueBySegmentReport EcoDriveRecords() => RevenueBySegmentCalculator.Compute(Period, _records);

    [Benchmark(Description = "EcoDrive columnar")]
    public RevenueBySegmentReport EcoDriveColumnar() => RevenueBySegmentCalculator.Compute(Period, _columns);

    [Benchmark(Description = "EcoDrive columnar, rows in random order")]
    public RevenueBySegmentReport EcoDriveColumnarUnsorted() => RevenueBySegmentCalculator.Compute(Period, _shuffled);

    [Benchmark(Description = "SQLite GROUP BY")]
    public Dictionary<string, long> Sqlite() => Query(
        _sqlite!,
        $"SELECT segment, currency, SUM(net_minor) FROM revenue_lines WHERE issued_at >= {Period.UtcStart.UtcTicks} AND issued_at < {Period.UtcEnd.UtcTicks} GROUP BY segment, currency",
        reader => reader.GetInt64(2));

    [Benchmark(Description = "DuckDB 1 thread")]
    public Dictionary<string, long> DuckDb1Thread() => DuckDbQuery();

    [Benchmark(Description = "DuckDB default threads")]
    public Dictionary<string, long> DuckDbDefaultThreads() => DuckDbQuery();

    private Dictionary<string, long> DuckDbQuery() => Query(
        _duckDb!,
        $"SELECT segment, currency, SUM(net) FROM revenue_lines WHERE issued_at >= {Engines.TimestampLiteral(Period.UtcStart)} AND issued_at < {Engines.TimestampLiteral(Period.UtcEnd)} GROUP BY segment, currency",
        reader => Money.Euros(reader.GetDecimal(2)).MinorUnits);

    private static Dictionary<string, long> Query(System.Data.Common.DbConnection connection, string sql, Func<System.Data.Common.DbDataReader, long> amount)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = amount(reader);
        }

        return result;
    }

    private static Dictionary<string, long> ToMinorUnits(RevenueBySegmentReport report) =>
        report.Segments.Where(row => !row.Net.IsZero).ToDictionary(row => row.Segment.Code, row => row.Net.MinorUnits, StringComparer.Ordinal);

    /// <summary>Throws unless <paramref name="actual"/> equals the sums of a plain loop over the raw columns.</summary>
    private void Check(Dictionary<string, long> actual)
    {
        var expected = new long[KpiDataSet.Segments.Length];
        long from = Period.UtcStart.UtcTicks, to = Period.UtcEnd.UtcTicks;
        for (var i = 0; i < _data.N; i++)
        {
            if (_data.RevenueTicks[i] >= from && _data.RevenueTicks[i] < to)
            {
                expected[_data.RevenueSegment[i]] += _data.RevenueMinor[i];
            }
        }

        for (var s = 0; s < expected.Length; s++)
        {
            if (actual.GetValueOrDefault(KpiDataSet.Segments[s].Code) != expected[s])
            {
                throw new InvalidOperationException($"{KpiDataSet.Segments[s]}: expected {expected[s]} minor units, got {actual.GetValueOrDefault(KpiDataSet.Segments[s].Code)}.");
            }
        }
    }
}
