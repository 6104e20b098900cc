using DbUp;
using EcoDrive.Storage.Sql;
using Npgsql;

namespace EcoDrive.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL schema: the embedded <c>Schema/*.sql</c> scripts applied by DbUp in the adapter's schema, under an
/// advisory lock so that several application instances starting together upgrade it once.
/// </summary>
internal sealed class PostgreSqlSchema(PostgreSqlDialect dialect) : SqlSchema(typeof(PostgreSqlSchema).Assembly, dialect)
{
    // The schema name is checked to be plain (lower-case letters, digits, underscores) by the dialect.
    protected override string JournalLookup => $"SELECT to_regclass('\"{dialect.Schema}\".{JournalTable}')::text";

    protected override string QualifiedJournalTable => $"\"{dialect.Schema}\".{JournalTable}";

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
            await RunAsync(
                DeployChanges.To.PostgresqlDatabase(connectionString, dialect.Schema).JournalToPostgresqlTable(dialect.Schema, JournalTable),
                scripts,
                $"schema \"{dialect.Schema}\"",
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            command.CommandText = "SELECT pg_advisory_unlock(hashtext('ecodrive-schema:' || @schema))";
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
