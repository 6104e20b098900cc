using DbUp;
using DbUp.Engine;
using EcoDrive.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Storage.Sqlite;

/// <summary>The SQLite schema: the embedded <c>Schema/*.sql</c> scripts applied by DbUp, the database put in WAL mode.</summary>
internal sealed class SqliteSchema(SqliteDialect dialect) : SqlSchema(typeof(SqliteSchema).Assembly)
{
    // Two upgrades of one file in one process would race on the journal. Several processes must not upgrade one file at
    // the same time: an embedded database is upgraded by the one application that owns it, at its start.
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    public override async Task<int> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{JournalTable}'";
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return 0;
        }

        command.CommandText = $"SELECT scriptname FROM {JournalTable}";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return VersionOfJournal(names);
    }

    protected override async Task ApplyAsync(IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dialect.DatabasePath)!);
        await s_gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = WAL";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var upgrade = DeployChanges.To.SqliteDatabase(dialect.ConnectionString)
                .WithScripts(scripts.Select(s => new SqlScript(s.Name, s.Sql)))
                .JournalToSqliteTable(JournalTable)
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .LogToNowhere()
                .Build();
            var result = await Task.Run(upgrade.PerformUpgrade, cancellationToken).ConfigureAwait(false);
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Upgrading the EcoDrive schema of {dialect.DatabasePath} failed at {result.ErrorScript?.Name ?? "the journal"}; " +
                    "the scripts before it are applied and recorded, the failed one left nothing behind.",
                    result.Error);
            }
        }
        finally
        {
            s_gate.Release();
            SqliteConnection.ClearAllPools();
        }
    }
}
