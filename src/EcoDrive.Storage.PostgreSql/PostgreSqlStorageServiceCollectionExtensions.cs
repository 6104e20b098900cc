using EcoDrive.Storage.PostgreSql;
using EcoDrive.Storage.Sql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL adapter for every EcoDrive port.</summary>
public static class PostgreSqlStorageServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL adapter on the database of <paramref name="connectionString"/>, in its <c>public</c> schema.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDrivePostgreSqlStorage(this IServiceCollection services, string connectionString) =>
        services.AddEcoDrivePostgreSqlStorage(options => options.ConnectionString = connectionString);

    /// <summary>
    /// Registers the PostgreSQL adapter: <see cref="PostgreSqlStorage"/> (the store and its schema), a pooled data
    /// source, a unit of work per DI scope, every repository, the invoice number sequence, the outbox, inbox and outbox
    /// store, the KPI fact source, and an application-host start-up step that creates or upgrades the schema.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="PostgreSqlStorageOptions.ConnectionString"/> is required.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="InvalidInputException">No connection string, or a schema name that is not plain.</exception>
    public static IServiceCollection AddEcoDrivePostgreSqlStorage(this IServiceCollection services, Action<PostgreSqlStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PostgreSqlStorageOptions();
        configure(options);
        var dialect = new PostgreSqlDialect(options);
        services.TryAddSingleton(_ => dialect); // from a factory, so that the container disposes its data source
        services.AddSqlStorage(sp =>
        {
            var registered = sp.GetRequiredService<PostgreSqlDialect>();
            return new SqlStorageEngine(registered, new PostgreSqlSchema(registered), SqlStorageRegistration.Clock(sp));
        });
        services.TryAddSingleton(sp => new PostgreSqlStorage(sp.GetRequiredService<SqlStorageEngine>(), dialect.Schema));
        return services;
    }
}
