using EcoDrive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EcoDrive.Storage.Sqlite.Tests;

public sealed class SqliteCustomerRepositoryTests : CustomerRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteLeadRepositoryTests : LeadRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteOrderViewRepositoryTests : OrderViewRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteProductCatalogueTests : ProductCatalogueContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteStockRepositoryTests : StockRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteOrderRepositoryTests : OrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteInvoiceRepositoryTests : InvoiceRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteInvoiceNumberSequenceTests : InvoiceNumberSequenceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteOutboxTests : OutboxContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteUnitOfWorkTests : UnitOfWorkContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteKpiFactSourceTests : KpiFactSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteKpiAggregateSourceTests : KpiAggregateSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteInteractionRepositoryTests : InteractionRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteFollowUpRepositoryTests : FollowUpRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteOfferRepositoryTests : OfferRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteCampaignRepositoryTests : CampaignRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqlitePurchaseOrderRepositoryTests : PurchaseOrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteCreditNoteRepositoryTests : CreditNoteRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteOrderFlowTests : OrderFlowContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteHistoryImportTests : HistoryImportContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);
}

public sealed class SqliteStoreTests(ITestOutputHelper output) : EcoDrive.Storage.SqlTests.SqlStoreTests(output)
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();

    protected override IReadOnlyList<string> WorkerArguments => ["sqlite", _database.Path];

    protected override void AddStorage(IServiceCollection services) => services.AddEcoDriveSqliteStorage(_database.Path);

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
