using Npgsql;

namespace EcoDrive.LoadTest;

/// <summary>
/// A fresh database for the started hosts, and the configuration that points them at it: a temporary SQLite file, a
/// new PostgreSQL schema <c>load_&lt;random&gt;</c>, or the host's memory. Disposing removes the file or drops the
/// schema; dispose it after the hosts have stopped.
/// </summary>
internal sealed class HostStorage : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresConnectionString;
    private readonly string? _postgresSchema;

    private HostStorage(string description, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        string? sqlitePath = null, string? postgresConnectionString = null, string? postgresSchema = null)
    {
        Description = description;
        Arguments = arguments;
        Environment = environment;
        _sqlitePath = sqlitePath;
        _postgresConnectionString = postgresConnectionString;
        _postgresSchema = postgresSchema;
    }

    /// <summary>Where the data lives, for the run's heading (no password).</summary>
    public string Description { get; }

    /// <summary>Command-line configuration for each started host.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>
    /// Configuration passed through the environment: the PostgreSQL connection string, so that its password does not
    /// show in the process list (the host reads <c>EcoDrive__Storage__ConnectionString</c> as
    /// <c>EcoDrive:Storage:ConnectionString</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public static async Task<HostStorage> CreateAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        switch (options.Storage)
        {
            case StorageEngine.InMemory:
                return new HostStorage("in-memory storage (in the host process)", ["--EcoDrive:Storage:Provider=InMemory"], new Dictionary<string, string>());
            case StorageEngine.PostgreSql:
                var connectionString = options.PostgresConnectionString!;
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                var schema = $"load_{run}";
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    // Fails early, and clearly, when the server is not there; the hosts create the schema themselves.
                    await connection.OpenAsync(cancellationToken);
                }

                return new HostStorage(
                    $"PostgreSQL schema {schema} in database {builder.Database} on {builder.Host}:{builder.Port}",
                    ["--EcoDrive:Storage:Provider=PostgreSql", $"--EcoDrive:Storage:Schema={schema}"],
                    new Dictionary<string, string> { ["EcoDrive__Storage__ConnectionString"] = connectionString },
                    postgresConnectionString: connectionString,
                    postgresSchema: schema);
            default:
                var path = Path.Combine(Path.GetTempPath(), $"ecodrive-load-{run}.db");
                return new HostStorage(
                    $"SQLite file {path}",
                    ["--EcoDrive:Storage:Provider=Sqlite", $"--EcoDrive:Storage:DatabasePath={path}"],
                    new Dictionary<string, string>(),
                    sqlitePath: path);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            foreach (var file in new[] { _sqlitePath, $"{_sqlitePath}-wal", $"{_sqlitePath}-shm", $"{_sqlitePath}-journal" })
            {
                File.Delete(file);
            }
        }

        if (_postgresConnectionString is not null && _postgresSchema is not null)
        {
            // Unpooled: the connection closes now rather than idling in this process's pool.
            var unpooled = new NpgsqlConnectionStringBuilder(_postgresConnectionString) { Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(unpooled);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_postgresSchema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
