namespace EcoDrive.Storage.PostgreSql;

/// <summary>Where the PostgreSQL adapter keeps its data.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The PostgreSQL schema that holds EcoDrive's tables, created when missing; <c>public</c> by default. Several
    /// EcoDrive stores (tenants, test runs) can share one database, each in its own schema.
    /// </summary>
    public string Schema { get; set; } = "public";
}
