using System.Globalization;
using DbUp;
using EcoDrive.Storage.Sql;

namespace EcoDrive.Storage.Sqlite;

/// <summary>The SQLite schema: the embedded <c>Schema/*.sql</c> scripts applied by DbUp, a new file given its page size, the database put in WAL mode, its statistics refreshed.</summary>
internal sealed class SqliteSchema(SqliteDialect dialect) : SqlSchema(typeof(SqliteSchema).Assembly, dialect)
{
    // Two upgrades of one file in one process would race on the journal. Several processes must not upgrade one file at
    // the same time: an embedded database is upgraded by the one application that owns it, at its start.
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    protected override string JournalLookup => $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{JournalTable}'";

    protected override string QualifiedJournalTable => JournalTable;

    protected override async Task ApplyAsync(IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dialect.DatabasePath)!);
        await s_gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = connection.CreateCommand();

                // The page size applies to a new (empty) file only, and must be set before it enters WAL mode.
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {dialect.PageSize}; PRAGMA journal_mode = WAL");
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await RunAsync(DeployChanges.To.SqliteDatabase(dialect.ConnectionString).JournalToSqliteTable(JournalTable), scripts, dialect.DatabasePath, cancellationToken)
                .ConfigureAwait(false);

            // The planner's statistics, refreshed where tables changed much (a bounded sample, quick on any size).
            await using (var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = dialect.RefreshStatistics;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            s_gate.Release();
        }
    }
}
