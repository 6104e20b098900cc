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
/// Inserts rows in large prepared multi-row statements (<c>INSERT … VALUES (…), (…), …</c>), in the session's
/// transaction. One thread serialises the next statement's rows (JSON documents, extracted columns) while the session
/// executes the previous one, so that serialisation and the engine's work overlap.
/// </summary>
internal static class SqlBulkWriter
{
    private const int MaxRows = 250;

    public static async Task WriteAsync(SqlSession session, IReadOnlyList<SqlBulkRows> tables, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var maxParameters = session.Dialect.MaxBulkParameters;
        var producer = Task.Run(() => ProduceAsync(tables, maxParameters, chunks.Writer, stop.Token), stop.Token);
        var commands = new Dictionary<(string Table, int Rows), DbCommand>();
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var table = chunk.Table;
                var prepared = commands.TryGetValue((table.Table, chunk.Rows.Count), out var command);
                if (!prepared)
                {
                    command = await session.PrepareAsync(InsertSql(table, chunk.Rows.Count), chunk.Rows.Count * table.Columns.Count, stop.Token).ConfigureAwait(false);
                    commands[(table.Table, chunk.Rows.Count)] = command;
                }

                var parameter = 0;
                foreach (var row in chunk.Rows)
                {
                    foreach (var value in row)
                    {
                        session.Dialect.Bind(command!.Parameters[parameter++], value);
                    }
                }

                if (!prepared)
                {
                    // Once the first values are bound: an engine that types parameters at preparation (PostgreSQL) sees them.
                    await command!.PrepareAsync(stop.Token).ConfigureAwait(false);
                }

                try
                {
                    await command!.ExecuteNonQueryAsync(stop.Token).ConfigureAwait(false);
                }
                catch (DbException error) when (session.Dialect.IsLostRace(error))
                {
                    throw new SqlBulkInsertException(table.Kind, table.Table, [.. chunk.Rows.Select(r => r[0])], error);
                }
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

            foreach (var command in commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task ProduceAsync(IReadOnlyList<SqlBulkRows> tables, int maxParameters, ChannelWriter<Chunk> chunks, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in tables)
            {
                var size = Math.Clamp(maxParameters / table.Columns.Count, 1, MaxRows);
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

    private sealed record Chunk(SqlBulkRows Table, List<object?[]> Rows);
}
