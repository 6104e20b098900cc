using System.Data.Common;
using System.Text;
using System.Threading.Channels;

namespace EcoDrive.Storage.Sql;

/// <summary>Rows to insert into one table in bulk.</summary>
/// <param name="Kind">The aggregate kind, for errors.</param>
/// <param name="Table">The table.</param>
/// <param name="Columns">The columns, in the order of each row's values.</param>
/// <param name="Count">How many rows, when known before they are enumerated.</param>
/// <param name="Rows">The values of each row; enumerated once, on the serialising thread.</param>
internal sealed record SqlBulkRows(string Kind, string Table, IReadOnlyList<string> Columns, int? Count, IEnumerable<object?[]> Rows);

/// <summary>A bulk insert refused by a unique key: the kind, table and first values (ids) of the rows of the statement that failed.</summary>
internal sealed class SqlBulkInsertException(string kind, string table, IReadOnlyList<object?> firstValues, DbException error)
    : Exception($"A bulk insert into {table} was refused: {error.Message}", error)
{
    public string Kind { get; } = kind;

    public string Table { get; } = table;

    public IReadOnlyList<object?> FirstValues { get; } = firstValues;
}

/// <summary>
/// Inserts the rows of one bulk write, chunk by chunk, in the session's transaction; made by
/// <see cref="SqlDialect.CreateBulkInserter"/> for each write and disposed when it ends.
/// </summary>
internal abstract class SqlBulkInserter : IAsyncDisposable
{
    /// <summary>How many rows of <paramref name="table"/> one call to <see cref="InsertAsync"/> takes at most.</summary>
    public abstract int ChunkSize(SqlBulkRows table);

    /// <summary>Inserts rows of <paramref name="table"/>.</summary>
    /// <exception cref="SqlBulkInsertException">A unique key refused a row (the dialect's <see cref="SqlDialect.IsLostRace"/>).</exception>
    public abstract ValueTask InsertAsync(SqlBulkRows table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// Writes tables of rows through the dialect's <see cref="SqlBulkInserter"/>. One thread enumerates the rows (and so
/// serialises their JSON documents and extracts their columns) while the session inserts the previous chunk, so that
/// serialisation and the engine's work overlap.
/// </summary>
internal static class SqlBulkWriter
{
    public static async Task WriteAsync(SqlSession session, IReadOnlyList<SqlBulkRows> tables, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inserter = session.Dialect.CreateBulkInserter(session);
        await using (inserter.ConfigureAwait(false))
        {
            var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(() => ProduceAsync(tables, inserter, chunks.Writer, stop.Token), stop.Token);
            try
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    await inserter.InsertAsync(chunk.Table, chunk.Rows, stop.Token).ConfigureAwait(false);
                }

                await producer.ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await producer.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopped because the writer stopped first.
                }
            }
        }
    }

    private static async Task ProduceAsync(IReadOnlyList<SqlBulkRows> tables, SqlBulkInserter inserter, ChannelWriter<Chunk> chunks, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in tables)
            {
                var size = inserter.ChunkSize(table);
                var rows = new List<object?[]>(size);
                foreach (var row in table.Rows)
                {
                    rows.Add(row);
                    if (rows.Count == size)
                    {
                        await chunks.WriteAsync(new Chunk(table, rows), cancellationToken).ConfigureAwait(false);
                        rows = new List<object?[]>(size);
                    }
                }

                if (rows.Count > 0)
                {
                    await chunks.WriteAsync(new Chunk(table, rows), cancellationToken).ConfigureAwait(false);
                }
            }

            chunks.Complete();
        }
        catch (Exception error)
        {
            chunks.TryComplete(error);
            throw;
        }
    }

    private sealed record Chunk(SqlBulkRows Table, List<object?[]> Rows);
}

/// <summary>
/// Inserts each chunk with one prepared multi-row statement (<c>INSERT … VALUES (…), (…), …</c>) through the ADO.NET
/// provider, up to the dialect's <see cref="SqlDialect.MaxBulkParameters"/> per statement: the default bulk path.
/// </summary>
internal sealed class SqlMultiRowInserter(SqlSession session) : SqlBulkInserter
{
    private const int MaxRows = 250;

    private readonly Dictionary<(string Table, int Rows), DbCommand> _commands = [];

    public override int ChunkSize(SqlBulkRows table) => Math.Clamp(session.Dialect.MaxBulkParameters / table.Columns.Count, 1, MaxRows);

    public override async ValueTask InsertAsync(SqlBulkRows table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var prepared = _commands.TryGetValue((table.Table, rows.Count), out var command);
        if (!prepared)
        {
            command = await session.PrepareAsync(InsertSql(table, rows.Count), rows.Count * table.Columns.Count, cancellationToken).ConfigureAwait(false);
            _commands[(table.Table, rows.Count)] = command;
        }

        var parameter = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                session.Dialect.Bind(command!.Parameters[parameter++], value);
            }
        }

        if (!prepared)
        {
            // Once the first values are bound: an engine that types parameters at preparation (PostgreSQL) sees them.
            await command!.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await command!.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException error) when (session.Dialect.IsLostRace(error))
        {
            throw new SqlBulkInsertException(table.Kind, table.Table, [.. rows.Select(r => r[0])], error);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }

    private static string InsertSql(SqlBulkRows table, int rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table.Table} ({string.Join(", ", table.Columns)}) VALUES ");
        var parameter = 0;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < table.Columns.Count; column++)
            {
                sql.Append(column == 0 ? "@p" : ", @p").Append(parameter++);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
