using DbUp;
using DbUp.Engine;
using EcoDrive.Storage.Sql;
using Npgsql;

namespace EcoDrive.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL schema: the embedded <c>Schema/*.sql</c> scripts applied by DbUp in the adapter's schema, under an
/// advisory lock so that several application instances starting together upgrade it once.
/// </summary>
internal sealed class PostgreSqlSchema(PostgreSqlDialect dialect) : SqlSchema(typeof(PostgreSqlSchema).Assembly)
{
    public override async Task<int> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT to_regclass(quote_ident(@schema) || '." + JournalTable + "') IS NOT NULL", connection);
        command.Parameters.AddWithValue("schema", dialect.Schema);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return 0;
        }

        command.CommandText = $"SELECT scriptname FROM \"{dialect.Schema}\".{JournalTable}";
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
        await using var connection = (NpgsqlConnection)await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('ecodrive-schema:' || @schema))", connection);
        command.Parameters.AddWithValue("schema", dialect.Schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            command.CommandText = $"CREATE SCHEMA IF NOT EXISTS \"{dialect.Schema}\"";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            // DbUp opens its own connections: unpooled, so that they close when the upgrade ends.
            var connectionString = new NpgsqlConnectionStringBuilder(dialect.ConnectionString) { Pooling = false }.ConnectionString;
            var upgrade = DeployChanges.To.PostgresqlDatabase(connectionString, dialect.Schema)
                .WithScripts(scripts.Select(s => new SqlScript(s.Name, s.Sql)))
                .JournalToPostgresqlTable(dialect.Schema, JournalTable)
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .LogToNowhere()
                .Build();
            var result = await Task.Run(upgrade.PerformUpgrade, cancellationToken).ConfigureAwait(false);
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Upgrading the EcoDrive schema \"{dialect.Schema}\" failed at {result.ErrorScript?.Name ?? "the journal"}; " +
                    "the scripts before it are applied and recorded, the failed one left nothing behind.",
                    result.Error);
            }
        }
        finally
        {
            command.CommandText = "SELECT pg_advisory_unlock(hashtext('ecodrive-schema:' || @schema))";
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
