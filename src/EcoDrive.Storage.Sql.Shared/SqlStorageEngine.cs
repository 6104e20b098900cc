using System.Data.Common;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// The adapter's shared state for one application (a singleton): the engine's dialect, the clock, and the schema
/// check. The first connection of the application checks once that the database is at the schema version this code
/// was built for, so that a database nobody upgraded fails with a clear message instead of a missing column.
/// </summary>
internal sealed class SqlStorageEngine(SqlDialect dialect, SqlSchema schema, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _schemaChecked;

    public SqlDialect Dialect => dialect;

    public SqlSchema Schema => schema;

    public TimeProvider Clock => clock;

    public SqlSession OpenSession(bool checkSchema = true) => new(this, checkSchema);

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaChecked)
        {
            await CheckSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        return await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or upgrades the schema to the latest version; the check passes from then on.</summary>
    public async Task<int> EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await schema.UpgradeAsync(schema.LatestVersion, cancellationToken).ConfigureAwait(false);
            _schemaChecked = true;
            return version;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CheckSchemaAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaChecked)
            {
                return;
            }

            var version = await schema.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (version != schema.LatestVersion)
            {
                throw new InvalidOperationException(
                    version < schema.LatestVersion
                        ? $"The {dialect.EngineName} database is at EcoDrive schema version {version}; this version of EcoDrive needs {schema.LatestVersion}. " +
                          "Upgrade it first: call EnsureSchemaAsync at start-up (or run the application host, whose start-up step does it)."
                        : $"The {dialect.EngineName} database is at EcoDrive schema version {version}, newer than the {schema.LatestVersion} this version of EcoDrive knows. " +
                          "Upgrade the application instead of running an older one against it.");
            }

            _schemaChecked = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
