using EcoDrive.Core.Access;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Application;
using EcoDrive.Storage.InMemory;
using EcoDrive.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Samples.Console;

/// <summary>The SDK on a SQLite file: the demo users in its directory, <c>AddEcoDrive()</c>, <c>AddEcoDriveSqliteStorage</c>, then the schema.</summary>
internal sealed class EcoDriveSession : IAsyncDisposable
{
    private EcoDriveSession(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Whether the storage adapter implements <typeparamref name="TPort"/> (the SQLite adapter is still gaining the
    /// newest ports), so that a command can say so instead of failing half-way.
    /// </summary>
    public bool Stores<TPort>() where TPort : class
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetService<TPort>() is not null;
    }

    /// <summary>Opens the database; only <c>demo</c> and <c>generate</c> create a missing one.</summary>
    public static async Task<EcoDriveSession> OpenAsync(string path, bool create, bool bulk = false)
    {
        if (!File.Exists(path))
        {
            if (!create)
            {
                throw new UsageException($"there is no EcoDrive database at {path}: run `ecodrive demo --db \"{path}\"` first, or pass an existing file with --db.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        var services = new ServiceCollection()
            // The users the SDK accepts as lead owners and follow-up assignees: the demo cast.
            .AddSingleton<IUserDirectory>(new InMemoryUserDirectory(DemoUsers.All))
            .AddEcoDrive()
            .AddEcoDriveSqliteStorage(options =>
            {
                options.DatabasePath = path;
                options.BusyTimeout = TimeSpan.FromSeconds(2);
                options.Durability = bulk ? SqliteDurability.Normal : SqliteDurability.Full;

                // A file of this tool may receive a year of generated history: larger pages import it faster.
                options.PageSize = 16_384;
            })
            // A sample sends no real e-mail: campaign messages are recorded and printed.
            .AddSingleton<InMemoryMessageSender>()
            .AddSingleton<IMessageSender>(sp => sp.GetRequiredService<InMemoryMessageSender>())
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<SqliteStorage>().EnsureSchemaAsync();
            return new EcoDriveSession(services);
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>The SDK on in-memory storage: nothing is kept after the process ends.</summary>
    public static EcoDriveSession InMemory() => new(new ServiceCollection()
        .AddSingleton<IUserDirectory>(new InMemoryUserDirectory(DemoUsers.All))
        .AddEcoDrive()
        .AddEcoDriveInMemoryStorage()
        .BuildServiceProvider());

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
