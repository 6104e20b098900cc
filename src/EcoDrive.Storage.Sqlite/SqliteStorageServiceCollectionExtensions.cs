using EcoDrive.Storage.Sql;
using EcoDrive.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite adapter for every EcoDrive port.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite adapter on the database file at <paramref name="databasePath"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="databasePath">The database file; created at <see cref="SqliteStorage.EnsureSchemaAsync"/> when missing.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDriveSqliteStorage(this IServiceCollection services, string databasePath) =>
        services.AddEcoDriveSqliteStorage(options => options.DatabasePath = databasePath);

    /// <summary>
    /// Registers the SQLite adapter: <see cref="SqliteStorage"/> (the database and its schema), a unit of work per DI
    /// scope, every repository, the invoice number sequence, the outbox, inbox and outbox store, the KPI fact source,
    /// and an application-host start-up step that creates or upgrades the schema.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStorageOptions.DatabasePath"/> is required.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="InvalidInputException">No database path.</exception>
    public static IServiceCollection AddEcoDriveSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteStorageOptions();
        configure(options);
        var dialect = new SqliteDialect(options);
        services.AddSqlStorage(sp => new SqlStorageEngine(dialect, new SqliteSchema(dialect), SqlStorageRegistration.Clock(sp)));
        services.TryAddSingleton(sp => new SqliteStorage(sp.GetRequiredService<SqlStorageEngine>(), dialect.DatabasePath));
        return services;
    }
}
