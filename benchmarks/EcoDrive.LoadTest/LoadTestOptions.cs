using System.Globalization;
using System.Net;

namespace EcoDrive.LoadTest;

/// <summary>The storage engine the started host runs on.</summary>
internal enum StorageEngine
{
    InMemory,
    Sqlite,
    PostgreSql,
}

/// <summary>
/// What to run: the storage engine and how many host processes share it, and how hard to push — a number of orders
/// and a duration for the submissions, whichever comes first, then at most <see cref="SettleTimeout"/> for every
/// accepted order to reach its final status in the CRM.
/// </summary>
internal sealed record LoadTestOptions(
    StorageEngine Storage,
    int Hosts,
    int Clients,
    int Orders,
    TimeSpan Duration,
    int Products,
    int StockPerProduct,
    TimeSpan SettleTimeout,
    string? PostgresConnectionString,
    Uri? Target,
    bool MarkdownHeader)
{
    /// <summary>The environment variable that holds the PostgreSQL connection string when <c>--postgres</c> is not given.</summary>
    public const string PostgresVariable = "ECODRIVE_TEST_POSTGRES";

    public const string Usage = """
        Options:
          --storage inmemory|sqlite|postgresql   the started host's storage (default sqlite, a fresh temporary file)
          --hosts 1|2                            host processes on one database; 2 needs postgresql (default 1)
          --orders N                             orders to submit (default 5000; --requests is the same)
          --clients N                            concurrent clients (default 64)
          --products N                           products the orders pick from at random (default 3)
          --stock N                              units in stock per product (default 100)
          --duration S                           stop submitting after S seconds (default 60)
          --timeout S                            every accepted order must be final in the CRM S seconds after the last submission (default 120)
          --postgres CONNECTION-STRING           PostgreSQL server for --storage postgresql (default: $ECODRIVE_TEST_POSTGRES)
          --url http://127.0.0.1:PORT            a host you run instead of a started one (loopback only; --storage only labels the result)
          --markdown                             print the markdown table's header above the result row (the row is always printed)
        """;

    public static LoadTestOptions Default { get; } = new(
        Storage: StorageEngine.Sqlite,
        Hosts: 1,
        Clients: 64,
        Orders: 5_000,
        Duration: TimeSpan.FromSeconds(60),
        Products: 3,
        StockPerProduct: 100,
        SettleTimeout: TimeSpan.FromSeconds(120),
        PostgresConnectionString: null,
        Target: null,
        MarkdownHeader: false);

    /// <summary>The engine's name as the options and the result lines spell it.</summary>
    public string StorageName => Storage switch
    {
        StorageEngine.InMemory => "inmemory",
        StorageEngine.PostgreSql => "postgresql",
        _ => "sqlite",
    };

    /// <summary>Reads the options (see <see cref="Usage"/>); the PostgreSQL connection string defaults to <paramref name="postgresFromEnvironment"/>.</summary>
    /// <exception cref="ArgumentException">An unknown option, a bad value, or a combination that cannot run.</exception>
    public static LoadTestOptions Parse(string[] args, string? postgresFromEnvironment)
    {
        var options = Default;
        var next = 0;
        while (next < args.Length)
        {
            var option = args[next++];
            if (option == "--markdown")
            {
                options = options with { MarkdownHeader = true };
                continue;
            }

            var value = next < args.Length ? args[next++] : throw new ArgumentException($"{option} needs a value.");
            options = option switch
            {
                "--storage" => options with { Storage = Engine(value) },
                "--hosts" => options with { Hosts = Positive(value, option) is var hosts and (1 or 2) ? hosts : throw new ArgumentException($"--hosts is 1 or 2, not '{value}'.") },
                "--clients" => options with { Clients = Positive(value, option) },
                "--orders" or "--requests" => options with { Orders = Positive(value, option) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value, option)) },
                "--timeout" => options with { SettleTimeout = TimeSpan.FromSeconds(Positive(value, option)) },
                "--products" => options with { Products = Positive(value, option) },
                "--stock" => options with { StockPerProduct = Positive(value, option) },
                "--postgres" => options with { PostgresConnectionString = value },
                "--url" => options with { Target = Loopback(value) },
                _ => throw new ArgumentException($"Unknown option {option}."),
            };
        }

        if (options.Target is not null)
        {
            return options.Hosts == 1
                ? options
                : throw new ArgumentException("--hosts 2 starts two hosts; with --url the load goes to the one host you run.");
        }

        if (options.Hosts == 2 && options.Storage != StorageEngine.PostgreSql)
        {
            throw new ArgumentException(
                "--hosts 2 needs --storage postgresql: the load test shares only a PostgreSQL database between two host processes "
                + (options.Storage == StorageEngine.InMemory ? "(in-memory storage lives inside one host)." : "(not a SQLite file)."));
        }

        if (options.Storage == StorageEngine.PostgreSql)
        {
            var connectionString = string.IsNullOrWhiteSpace(options.PostgresConnectionString) ? postgresFromEnvironment : options.PostgresConnectionString;
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new ArgumentException($"--storage postgresql needs a server: pass --postgres \"Host=...;Database=...;Username=...;Password=...\" or set {PostgresVariable}.")
                : options with { PostgresConnectionString = connectionString };
        }

        return options;
    }

    private static StorageEngine Engine(string text) => text.ToLowerInvariant() switch
    {
        "inmemory" or "memory" => StorageEngine.InMemory,
        "sqlite" => StorageEngine.Sqlite,
        "postgresql" or "postgres" => StorageEngine.PostgreSql,
        _ => throw new ArgumentException($"--storage is inmemory, sqlite or postgresql, not '{text}'."),
    };

    private static int Positive(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} needs a positive whole number, not '{text}'.");

    // The load test sends traffic to this machine only.
    private static Uri Loopback(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)
            ? uri
            : throw new ArgumentException($"--url must be a loopback address such as http://127.0.0.1:5080, not '{text}'.");
}
