using EcoDrive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EcoDrive.Storage.PostgreSql.Tests;

public sealed class PostgreSqlCustomerRepositoryTests : CustomerRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlLeadRepositoryTests : LeadRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlOrderViewRepositoryTests : OrderViewRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlProductCatalogueTests : ProductCatalogueContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlStockRepositoryTests : StockRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlOrderRepositoryTests : OrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlInvoiceRepositoryTests : InvoiceRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlInvoiceNumberSequenceTests : InvoiceNumberSequenceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlOutboxTests : OutboxContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlUnitOfWorkTests : UnitOfWorkContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlKpiFactSourceTests : KpiFactSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlKpiAggregateSourceTests : KpiAggregateSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlInteractionRepositoryTests : InteractionRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlFollowUpRepositoryTests : FollowUpRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlOfferRepositoryTests : OfferRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlCampaignRepositoryTests : CampaignRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlPurchaseOrderRepositoryTests : PurchaseOrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlCreditNoteRepositoryTests : CreditNoteRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlOrderFlowTests : OrderFlowContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlHistoryImportTests : HistoryImportContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => PostgreSqlTestDatabase.BuildAsync(services);
}

public sealed class PostgreSqlStoreTests(ITestOutputHelper output) : EcoDrive.Storage.SqlTests.SqlStoreTests(output)
{
    private readonly PostgreSqlTestDatabase _database = PostgreSqlTestDatabase.Create();

    protected override IReadOnlyList<string> WorkerArguments => ["postgres", PostgreSqlTestDatabase.ConnectionString, _database.Schema];

    protected override void AddStorage(IServiceCollection services) =>
        services.AddEcoDrivePostgreSqlStorage(options => (options.ConnectionString, options.Schema) = (PostgreSqlTestDatabase.ConnectionString, _database.Schema));

    public override async Task DisposeAsync() => await _database.DisposeAsync();
}
