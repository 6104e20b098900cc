using System.Data.Common;
using System.Text;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// What differs between the SQL engines behind the shared adapter code: opening a connection, starting the write
/// transaction of a unit of work, how ids, instants and JSON documents are bound and read back, and which errors mean
/// that a unit of work lost a race. Everything else (SQL text, mapping, unit of work) is the same on every engine.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The engine's name, for messages (<c>SQLite</c>, <c>PostgreSQL</c>).</summary>
    public abstract string EngineName { get; }

    /// <summary>Opens a connection ready for use (pragmas and session settings applied).</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts the transaction a unit of work writes in. It must hold whatever lock makes a counter row read inside it
    /// exclusive until commit (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: the row lock of <c>UPDATE … RETURNING</c>).
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Sets a parameter's value, converting ids, instants and JSON documents to the engine's column types.</summary>
    public abstract void Bind(DbParameter parameter, object? value);

    /// <summary>
    /// How many parameters a bulk insert statement binds at most: more rows per statement save round trips and
    /// per-statement work, up to what the engine's driver binds cheaply.
    /// </summary>
    public virtual int MaxBulkParameters => 2_000;

    /// <summary>
    /// What inserts the rows of a bulk write (an imported batch) on <paramref name="session"/>: by default prepared
    /// multi-row statements through the ADO.NET provider (<see cref="SqlMultiRowInserter"/>).
    /// </summary>
    public virtual SqlBulkInserter CreateBulkInserter(SqlSession session) => new SqlMultiRowInserter(session);

    /// <summary>
    /// A statement run on the connection of a bulk import before it writes, to give it what large writes need (SQLite:
    /// a larger page cache, so that index pages stay in memory), or <see langword="null"/>.
    /// </summary>
    public virtual string? BulkStart => null;

    /// <summary>
    /// A statement that refreshes the query planner's statistics of the tables that changed much since they were last
    /// analysed, run at start-up and after each imported batch, or <see langword="null"/> when the engine keeps them
    /// itself (PostgreSQL's autovacuum).
    /// </summary>
    public virtual string? RefreshStatistics => null;

    /// <summary>
    /// A derived table <c>(i, lo, hi)</c> of the buckets cut by the <see cref="SqlInstants"/> bound to
    /// <c>@<paramref name="parameter"/></c>: bucket <c>i</c> (from 0) covers instants in [<c>lo</c>, <c>hi</c>).
    /// </summary>
    /// <param name="parameter">The parameter's name, without the <c>@</c>.</param>
    public abstract string BucketBoundsTable(string parameter);

    /// <summary>Reads an id column.</summary>
    public abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    /// <summary>Reads an instant column (as UTC).</summary>
    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>
    /// The locking clause that makes a query of the write transaction claim the rows it returns and skip rows another
    /// transaction holds (PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>); empty where the write transaction is exclusive.
    /// </summary>
    public virtual string ClaimRows => string.Empty;

    /// <summary>
    /// Where writers take turns in this process before the engine's own write lock (SQLite's single writer): waiting
    /// here, in order, costs nothing, where waiting on the engine's lock means sleeping and polling.
    /// <see langword="null"/> when the engine lets writers proceed side by side.
    /// </summary>
    public virtual WriteGate? WriteGate => null;

    /// <summary>
    /// Whether an error means the unit of work lost a race (a unique key taken by a concurrent commit, a deadlock or a
    /// serialization failure): it is reported as a <see cref="ConcurrencyConflictException"/>, which callers retry.
    /// </summary>
    public abstract bool IsLostRace(DbException error);
}

/// <summary>
/// A JSON document bound to a document column (<c>jsonb</c> on PostgreSQL, text on SQLite), held as text or as the
/// UTF-8 bytes a serializer wrote (which an engine that stores UTF-8 binds without converting).
/// </summary>
internal readonly struct SqlJson
{
    private readonly string? _text;
    private readonly byte[]? _utf8;

    /// <summary>A document from its text.</summary>
    public SqlJson(string text) => _text = text;

    /// <summary>A document from its UTF-8 encoding.</summary>
    public SqlJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>The JSON text.</summary>
    public string Text => _text ?? Encoding.UTF8.GetString(_utf8 ?? []);

    /// <summary>The UTF-8 bytes, when the document was made from them.</summary>
    public byte[]? Utf8 => _utf8;
}

/// <summary>An ascending list of instants bound as one parameter (a JSON array on SQLite, a <c>timestamptz[]</c> on PostgreSQL).</summary>
/// <param name="Values">The instants.</param>
internal readonly record struct SqlInstants(IReadOnlyList<DateTimeOffset> Values);

/// <summary>One writer at a time in this process, waiting in order, up to a time-out.</summary>
/// <param name="timeout">How long a writer waits for its turn before it gives up.</param>
internal sealed class WriteGate(TimeSpan timeout)
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this writer's turn; release it with <see cref="Release"/>.</summary>
    /// <exception cref="TimeoutException">Another writer kept the database for longer than the time-out.</exception>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _turn.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The database was busy with another writer for more than {timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Ends this writer's turn.</summary>
    public void Release() => _turn.Release();
}

