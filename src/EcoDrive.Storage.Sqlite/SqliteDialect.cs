using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using EcoDrive.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Storage.Sqlite;

/// <summary>
/// SQLite: ids as text, instants as microseconds since the Unix epoch (UTC), dates as ISO text, documents as JSON text, and a unit of
/// work's write transaction started with <c>BEGIN IMMEDIATE</c>, which takes the database's single write lock.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // Writers of one file take turns here, in order, before BEGIN IMMEDIATE: SQLite's own busy handler would make them
    // sleep and poll instead. Other processes on the same file still wait through busy_timeout.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WriteGate> s_gates = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDialect(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InvalidInputException.ThrowIfNullOrWhiteSpace(options.DatabasePath, nameof(options.DatabasePath));
        if (options.PageSize is < 512 or > 65_536 || !BitOperations.IsPow2(options.PageSize))
        {
            throw new InvalidInputException(
                ErrorCodes.Input.OutOfRange, $"The SQLite page size must be a power of two from 512 to 65536 bytes; {options.PageSize} is not.", nameof(options.PageSize));
        }

        PageSize = options.PageSize;
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        WriteGate = s_gates.GetOrAdd(DatabasePath, _ => new WriteGate(options.BusyTimeout));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL")};");
    }

    public string DatabasePath { get; }

    /// <summary>The one turn to write this file that every adapter instance of this process shares.</summary>
    public override WriteGate WriteGate { get; }

    /// <summary>The page size of a file this adapter creates.</summary>
    public int PageSize { get; }

    public string ConnectionString => _connectionString;

    public override string EngineName => "SQLite";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // deferred: false issues BEGIN IMMEDIATE: the write lock is taken now and held to commit, waiting up to the busy timeout.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));
    }

    public override void Bind(DbParameter parameter, object? value) => parameter.Value = ToStored(value) ?? DBNull.Value;

    /// <summary>An import's rows are inserted through SQLite's statement API, bound by position (<see cref="SqliteBulkInserter"/>).</summary>
    public override SqlBulkInserter CreateBulkInserter(SqlSession session) => new SqliteBulkInserter(session);

    /// <summary>
    /// 256 MiB of page cache instead of 2: a million orders' index pages stay in memory instead of being read back at
    /// each insert. The connection keeps it while it stays in the pool, so that the next batch finds its pages there.
    /// </summary>
    public override string BulkStart => "PRAGMA cache_size = -262144";

    /// <summary>
    /// A bounded analysis of the tables that changed much: the KPI queries skip-scan their indexes only when SQLite knows
    /// that the leading columns have few distinct values.
    /// </summary>
    public override string RefreshStatistics => "PRAGMA optimize = 0x10002";

    /// <summary>The JSON array's elements with their index and the next element: json_each gives them in array order.</summary>
    public override string BucketBoundsTable(string parameter) =>
        $"SELECT i, lo, hi FROM (SELECT key AS i, value AS lo, LEAD(value) OVER (ORDER BY key) AS hi FROM json_each(@{parameter})) WHERE hi IS NOT NULL";

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(ordinal) * 10);

    public override bool IsLostRace(DbException error) =>
        error is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    /// <summary>
    /// A value as SQLite stores it: ids as GUID text, instants as microseconds since the Unix epoch, dates as ISO text,
    /// documents as JSON text, bucket bounds as a JSON array of microseconds; other values as they are.
    /// </summary>
    internal static object? ToStored(object? value) =>
        value switch
        {
            Guid id => id.ToString("D"),
            DateTimeOffset instant => ToUnixMicroseconds(instant),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SqlJson json => json.Text,
            SqlInstants instants => "[" + string.Join(',', instants.Values.Select(instant => ToUnixMicroseconds(instant).ToString(CultureInfo.InvariantCulture))) + "]",
            _ => value,
        };

    /// <summary>Microseconds since the Unix epoch, rounded down (PostgreSQL's precision, so both engines store the same instant).</summary>
    internal static long ToUnixMicroseconds(DateTimeOffset instant)
    {
        var (microseconds, remainder) = Math.DivRem(instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, 10L);
        return remainder < 0 ? microseconds - 1 : microseconds;
    }
}
