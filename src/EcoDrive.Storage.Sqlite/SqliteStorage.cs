using EcoDrive.Storage.Sql;

namespace EcoDrive.Storage.Sqlite;

/// <summary>
/// The SQLite database of an application (a singleton): its file and its schema. Call <see cref="EnsureSchemaAsync"/>
/// once at start-up (an application host does it for you through its start-up step); until then, the first use of a
/// database whose schema is missing or older fails with a message saying so.
/// </summary>
public sealed class SqliteStorage
{
    private readonly SqlStorageEngine _engine;

    internal SqliteStorage(SqlStorageEngine engine, string databasePath)
    {
        _engine = engine;
        DatabasePath = databasePath;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The schema version this version of EcoDrive works with.</summary>
    public int LatestSchemaVersion => _engine.Schema.LatestVersion;

    /// <summary>
    /// Creates the database file and its schema, or upgrades an older schema to <see cref="LatestSchemaVersion"/>,
    /// keeping its data. Each script runs in its own transaction and is recorded in the <c>schema_versions</c> table;
    /// running it again on an up-to-date database changes nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels before the upgrade starts.</param>
    /// <returns>The schema version of the database afterwards.</returns>
    /// <exception cref="InvalidOperationException">A script failed; the message names it.</exception>
    public Task<int> EnsureSchemaAsync(CancellationToken cancellationToken = default) => _engine.EnsureSchemaAsync(cancellationToken);

    /// <summary>The schema version of the database: 0 when it has no schema yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => _engine.Schema.GetVersionAsync(cancellationToken);
}
