using EcoDrive.Storage.Sql;

namespace EcoDrive.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store of an application (a singleton): its schema. Call <see cref="EnsureSchemaAsync"/> once at
/// start-up (an application host does it for you through its start-up step); until then, the first use of a store
/// whose schema is missing or older fails with a message saying so.
/// </summary>
public sealed class PostgreSqlStorage
{
    private readonly SqlStorageEngine _engine;

    internal PostgreSqlStorage(SqlStorageEngine engine, string schema)
    {
        _engine = engine;
        Schema = schema;
    }

    /// <summary>The PostgreSQL schema that holds EcoDrive's tables.</summary>
    public string Schema { get; }

    /// <summary>The schema version this version of EcoDrive works with.</summary>
    public int LatestSchemaVersion => _engine.Schema.LatestVersion;

    /// <summary>
    /// Creates the schema and its tables, or upgrades an older version to <see cref="LatestSchemaVersion"/>, keeping
    /// the data. Each script runs in its own transaction and is recorded in the <c>schema_versions</c> table; an
    /// advisory lock makes instances that start together upgrade once; running it again changes nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels before the upgrade starts.</param>
    /// <returns>The schema version of the store afterwards.</returns>
    /// <exception cref="InvalidOperationException">A script failed; the message names it.</exception>
    public Task<int> EnsureSchemaAsync(CancellationToken cancellationToken = default) => _engine.EnsureSchemaAsync(cancellationToken);

    /// <summary>The schema version of the store: 0 when it has no schema yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => _engine.Schema.GetVersionAsync(cancellationToken);
}
