using EcoDrive.Testing;
using EcoDrive.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.InMemory.XunitV3.Tests;

// The in-memory adapter under the xunit v3 kit (EcoDrive.Testing.XunitV3): the same contracts as the xunit v2 project
// next door, derived the same way, which is the point: a team on xunit v3 writes exactly this.

/// <summary>The in-memory adapter: a new database per test.</summary>
internal static class InMemoryStore
{
    public static Task<ServiceProvider> BuildAsync(IServiceCollection services) =>
        Task.FromResult(services.AddEcoDriveInMemoryStorage().BuildServiceProvider(ContainerValidation.Strict));
}

public sealed class InMemoryCustomerRepositoryTests : CustomerRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryLeadRepositoryTests : LeadRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryOrderViewRepositoryTests : OrderViewRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryProductCatalogueTests : ProductCatalogueContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryStockRepositoryTests : StockRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryOrderRepositoryTests : OrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryInvoiceRepositoryTests : InvoiceRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryInvoiceNumberSequenceTests : InvoiceNumberSequenceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryOutboxTests : OutboxContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryUnitOfWorkTests : UnitOfWorkContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryKpiFactSourceTests : KpiFactSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryKpiAggregateSourceTests : KpiAggregateSourceContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryInteractionRepositoryTests : InteractionRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryFollowUpRepositoryTests : FollowUpRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryOfferRepositoryTests : OfferRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryCampaignRepositoryTests : CampaignRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryPurchaseOrderRepositoryTests : PurchaseOrderRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryCreditNoteRepositoryTests : CreditNoteRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryOrderFlowTests : OrderFlowContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}

public sealed class InMemoryHistoryImportTests : HistoryImportContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => InMemoryStore.BuildAsync(services);
}
