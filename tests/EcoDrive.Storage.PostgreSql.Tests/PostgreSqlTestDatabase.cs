using EcoDrive.Testing;
using EcoDrive.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EcoDrive.Storage.PostgreSql.Tests;

/// <summary>
/// A fresh schema per test in the database of <c>ECODRIVE_TEST_POSTGRES</c>, so that tests never see each other's
/// data; dropped with the test's services.
/// </summary>
internal sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    public const string Variable = "ECODRIVE_TEST_POSTGRES";

    private PostgreSqlTestDatabase(string schema) => Schema = schema;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(RequiresEnvironmentVariableAttribute.SkipReason(Variable));

    public string Schema { get; }

    public static PostgreSqlTestDatabase Create() => new($"test_{Guid.NewGuid():N}");

    /// <summary>Adds the PostgreSQL adapter in a new schema, builds the provider and creates the tables.</summary>
    public static async Task<ServiceProvider> BuildAsync(IServiceCollection services)
    {
        var database = Create();
        services.AddSingleton(database);
        services.AddEcoDrivePostgreSqlStorage(options => (options.ConnectionString, options.Schema) = (ConnectionString, database.Schema));
        var provider = services.BuildServiceProvider(ContainerValidation.Strict);
        _ = provider.GetRequiredService<PostgreSqlTestDatabase>();
        await provider.GetRequiredService<PostgreSqlStorage>().EnsureSchemaAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
