using EcoDrive.Application.Import;
using EcoDrive.Application.Messaging;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;
using EcoDrive.Kpi;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-memory adapter for every EcoDrive port.</summary>
public static class InMemoryStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="InMemoryDatabase"/> for the application (unless one is registered already), a unit
    /// of work per DI scope, and the repositories, invoice number sequence, outbox, inbox, KPI fact source and history
    /// import store over it;
    /// and, unless an <see cref="IMessageSender"/> is registered already, the recording
    /// <see cref="InMemoryMessageSender"/> (resolve it to see what campaigns sent).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDriveInMemoryStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InMemoryDatabase>();
        services.TryAddScoped<InMemoryUnitOfWork>();
        services.TryAddScoped<IUnitOfWork>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());
        services.TryAddScoped<IOutbox>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());
        services.TryAddScoped<IInbox>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());
        services.TryAddScoped<ICustomerRepository, InMemoryCustomerRepository>();
        services.TryAddScoped<ILeadRepository, InMemoryLeadRepository>();
        services.TryAddScoped<IOrderViewRepository, InMemoryOrderViewRepository>();
        services.TryAddScoped<ICustomerDirectory, InMemoryCustomerDirectory>();
        services.TryAddScoped<IInteractionRepository, InMemoryInteractionRepository>();
        services.TryAddScoped<IFollowUpRepository, InMemoryFollowUpRepository>();
        services.TryAddScoped<IOfferRepository, InMemoryOfferRepository>();
        services.TryAddScoped<ICampaignRepository, InMemoryCampaignRepository>();
        services.TryAddScoped<IProductCatalogue, InMemoryProductCatalogue>();
        services.TryAddScoped<IStockRepository, InMemoryStockRepository>();
        services.TryAddScoped<IOrderRepository, InMemoryOrderRepository>();
        services.TryAddScoped<IPurchaseOrderRepository, InMemoryPurchaseOrderRepository>();
        services.TryAddScoped<IInvoiceRepository, InMemoryInvoiceRepository>();
        services.TryAddScoped<ICreditNoteRepository, InMemoryCreditNoteRepository>();
        services.TryAddScoped<IInvoiceNumberSequence, InMemoryInvoiceNumberSequence>();
        services.TryAddSingleton<IOutboxStore, InMemoryOutboxStore>();
        services.TryAddSingleton<IKpiFactSource, InMemoryKpiFactSource>();
        services.TryAddSingleton<IHistoryImportStore, InMemoryHistoryImportStore>();
        services.TryAddSingleton<InMemoryMessageSender>();
        services.TryAddSingleton<IMessageSender>(sp => sp.GetRequiredService<InMemoryMessageSender>());
        return services;
    }
}
