using System.Globalization;
using System.Text;
using EcoDrive.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EcoDrive.Storage.Sqlite;

/// <summary>
/// Inserts bulk rows through SQLite's own statement API: one prepared single-row <c>INSERT</c> per table, its values
/// bound by position (ids as UTF-8 text formatted on the stack, JSON documents as the UTF-8 bytes the serializer
/// wrote), stepped and reset for each row, in the session's write transaction.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds every parameter by name (a linear search per parameter) and converts each string to
/// UTF-8 on the way: for an import, that binding costs more than SQLite's own insert. The connection is the session's,
/// so the statements run in its <c>BEGIN IMMEDIATE</c> transaction and commit or roll back with it.
/// </remarks>
internal sealed class SqliteBulkInserter(SqlSession session) : SqlBulkInserter
{
    private const int RowsPerChunk = 512;
    private const int MaxStackText = 256;

    private readonly Dictionary<string, sqlite3_stmt> _statements = [];
    private sqlite3? _database;

    public override int ChunkSize(SqlBulkRows table) => RowsPerChunk;

    public override async ValueTask InsertAsync(SqlBulkRows table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        _database ??= ((SqliteConnection)await session.ConnectionAsync(cancellationToken).ConfigureAwait(false)).Handle
            ?? throw new InvalidOperationException("The SQLite connection of the import is not open.");
        var statement = Statement(table);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var column = 0; column < row.Length; column++)
            {
                Check(Bind(statement, column + 1, row[column]));
            }

            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (result != raw.SQLITE_DONE)
            {
                try
                {
                    SqliteException.ThrowExceptionForRC(result, _database);
                }
                catch (SqliteException error) when (session.Dialect.IsLostRace(error))
                {
                    throw new SqlBulkInsertException(table.Kind, table.Table, [row[0]], error);
                }
            }
        }
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        return ValueTask.CompletedTask;
    }

    private sqlite3_stmt Statement(SqlBulkRows table)
    {
        var sql = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
        if (!_statements.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v2(_database, sql, out statement));
            _statements[sql] = statement;
        }

        return statement;
    }

    /// <summary>Binds a value as <see cref="SqliteDialect.Bind"/> would store it: the same column types and texts.</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case SqlJson { Utf8: { } utf8 }:
                return raw.sqlite3_bind_text(statement, index, utf8.AsSpan());
            case Guid id:
                Span<byte> text = stackalloc byte[36];
                id.TryFormat(text, out _, "D");
                return raw.sqlite3_bind_text(statement, index, text);
            case long number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case int number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case DateTimeOffset instant:
                return raw.sqlite3_bind_int64(statement, index, SqliteDialect.ToUnixMicroseconds(instant));
            default:
                var stored = SqliteDialect.ToStored(value);
                // As Microsoft.Data.Sqlite stores them: integers and booleans as integers, floating-point numbers as reals.
                return stored switch
                {
                    null => raw.sqlite3_bind_null(statement, index),
                    long or int or short or byte or bool => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(stored, CultureInfo.InvariantCulture)),
                    double or float => raw.sqlite3_bind_double(statement, index, Convert.ToDouble(stored, CultureInfo.InvariantCulture)),
                    string { Length: <= MaxStackText } small => BindSmallText(statement, index, small),
                    string large => raw.sqlite3_bind_text(statement, index, large),
                    byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                    _ => throw new NotSupportedException($"A bulk row holds a {stored.GetType().Name}, which the SQLite adapter does not store."),
                };
        }
    }

    private static int BindSmallText(sqlite3_stmt statement, int index, string value)
    {
        Span<byte> text = stackalloc byte[MaxStackText * 3];
        return raw.sqlite3_bind_text(statement, index, text[..Encoding.UTF8.GetBytes(value, text)]);
    }

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
