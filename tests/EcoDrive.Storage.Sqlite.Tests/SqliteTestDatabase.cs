using EcoDrive.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.Sqlite.Tests;

/// <summary>A fresh SQLite file per test, in its own temporary folder, deleted with the test's services.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    private SqliteTestDatabase(string folder) => Folder = folder;

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "ecodrive.db");

    public static SqliteTestDatabase Create() =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecodrive-tests", Guid.NewGuid().ToString("N"))).FullName);

    /// <summary>Adds the SQLite adapter on a new file, builds the provider and creates the schema.</summary>
    public static async Task<ServiceProvider> BuildAsync(IServiceCollection services)
    {
        var database = Create();
        services.AddSingleton(database);
        services.AddEcoDriveSqliteStorage(database.Path);
        var provider = services.BuildServiceProvider(ContainerValidation.Strict);
        _ = provider.GetRequiredService<SqliteTestDatabase>();
        await provider.GetRequiredService<SqliteStorage>().EnsureSchemaAsync();
        return provider;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temp cleaning.
        }
    }
}
