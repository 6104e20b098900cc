using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// One KPI computed every way on the same rows in one run: naive LINQ over records (the baseline), EcoDrive's record
/// calculator, EcoDrive's columnar fast path on rows in time order and on the same rows shuffled, SQLite, and DuckDB with
/// one thread and with its default threads. Each case loads only the representation it queries (one process per case),
/// checks its figures in setup, and times the query alone with its result materialised.
/// </summary>
/// <typeparam name="TRecord">The record fact.</typeparam>
/// <typeparam name="TTable">The columnar fact table.</typeparam>
/// <typeparam name="TReport">EcoDrive's report.</typeparam>
/// <typeparam name="TResult">The materialised result of the LINQ and SQL queries, to which reports are converted for checking.</typeparam>
[MemoryDiagnoser]
public abstract class KpiBenchmarks<TRecord, TTable, TReport, TResult>
    where TTable : class
{
    private TTable _columns = null!;
    private TTable _shuffled = null!;
    private SqliteConnection? _sqlite;
    private DuckDBConnection? _duckDb;

    /// <summary>Facts in the three-year history.</summary>
    [ParamsSource(typeof(BenchmarkSizes), nameof(BenchmarkSizes.Values))]
    public int N { get; set; }

    /// <summary>The data set of size <see cref="N"/>.</summary>
    protected KpiDataSet Data { get; private set; } = null!;

    /// <summary>The facts as records, for LINQ and the record calculator.</summary>
    protected TRecord[] Records { get; private set; } = [];

    /// <summary>The table the SQL engines hold the facts in.</summary>
    protected abstract string Table { get; }

    [GlobalSetup(Targets = [nameof(Linq), nameof(EcoDriveRecords)])]
    public void SetupRecords()
    {
        Data = KpiDataSet.Get(N);
        Records = ToRecords(Data);
        Check(Linq());
        Check(ToResult(EcoDriveRecords()));
    }

    [GlobalSetup(Target = nameof(EcoDriveColumnar))]
    public void SetupColumnar()
    {
        Data = KpiDataSet.Get(N);
        _columns = ToColumns(Data, shuffled: false);
        Check(ToResult(EcoDriveColumnar()));
    }

    [GlobalSetup(Target = nameof(EcoDriveColumnarUnsorted))]
    public void SetupColumnarUnsorted()
    {
        Data = KpiDataSet.Get(N);
        _shuffled = ToColumns(Data, shuffled: true);
        Check(ToResult(EcoDriveColumnarUnsorted()));
    }

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetupSqlite()
    {
        Data = KpiDataSet.Get(N);
        _sqlite = Engines.OpenSqlite(Data, Table);
        PrepareSqlite(_sqlite);
        Check(Sqlite());
    }

    [GlobalSetup(Target = nameof(DuckDb1Thread))]
    public void SetupDuckDb1Thread()
    {
        Data = KpiDataSet.Get(N);
        _duckDb = Engines.OpenDuckDb(Data, Table, threads: 1);
        Check(DuckDb1Thread());
    }

    [GlobalSetup(Target = nameof(DuckDbDefaultThreads))]
    public void SetupDuckDbDefaultThreads()
    {
        Data = KpiDataSet.Get(N);
        _duckDb = Engines.OpenDuckDb(Data, Table, threads: 0);
        Check(DuckDbDefaultThreads());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        _duckDb?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "LINQ over records")]
    public TResult Linq() => QueryLinq(Records);

    [Benchmark(Description = "EcoDrive records")]
    public TReport EcoDriveRecords() => Compute(Records);

    [Benchmark(Description = "EcoDrive columnar")]
    public TReport EcoDriveColumnar() => Compute(_columns);

    [Benchmark(Description = "EcoDrive columnar, rows in random order")]
    public TReport EcoDriveColumnarUnsorted() => Compute(_shuffled);

    [Benchmark(Description = "SQLite")]
    public TResult Sqlite() => QuerySqlite(_sqlite!);

    [Benchmark(Description = "DuckDB 1 thread")]
    public TResult DuckDb1Thread() => QueryDuckDb(_duckDb!);

    [Benchmark(Description = "DuckDB default threads")]
    public TResult DuckDbDefaultThreads() => QueryDuckDb(_duckDb!);

    protected abstract TRecord[] ToRecords(KpiDataSet data);

    protected abstract TTable ToColumns(KpiDataSet data, bool shuffled);

    protected abstract TResult QueryLinq(TRecord[] records);

    protected abstract TReport Compute(TRecord[] records);

    protected abstract TReport Compute(TTable table);

    protected abstract TResult QuerySqlite(SqliteConnection connection);

    protected abstract TResult QueryDuckDb(DuckDBConnection connection);

    /// <summary>Converts EcoDrive's report to the queries' result shape.</summary>
    protected abstract TResult ToResult(TReport report);

    /// <summary>Throws unless <paramref name="actual"/> holds the expected figures.</summary>
    protected abstract void Check(TResult actual);

    /// <summary>Adds what the SQLite query needs beyond the facts table.</summary>
    protected virtual void PrepareSqlite(SqliteConnection connection)
    {
    }
}
