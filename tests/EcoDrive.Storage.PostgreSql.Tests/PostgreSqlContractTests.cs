using EcoDrive.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.PostgreSql.Tests;

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlCustomerRepositoryTests : CustomerRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlLeadRepositoryTests : LeadRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlOrderViewRepositoryTests : OrderViewRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlProductCatalogueTests : ProductCatalogueContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlStockRepositoryTests : StockRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlOrderRepositoryTests : OrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlInvoiceRepositoryTests : InvoiceRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlInvoiceNumberSequenceTests : InvoiceNumberSequenceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlOutboxTests : OutboxContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlUnitOfWorkTests : UnitOfWorkContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlKpiFactSourceTests : KpiFactSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

[RequiresEnvironmentVariable(PostgreSqlTestDatabase.Variable)]
public sealed class PostgreSqlOrderFlowTests : OrderFlowContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}
