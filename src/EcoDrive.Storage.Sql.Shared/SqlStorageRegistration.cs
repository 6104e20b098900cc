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
using EcoDrive.Application.Import;
using EcoDrive.Application.Messaging;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EcoDrive.Storage.Sql;

/// <summary>Registers the shared SQL adapter over one engine: a unit of work per DI scope and every port over it.</summary>
internal static class SqlStorageRegistration
{
    public static IServiceCollection AddSqlStorage(this IServiceCollection services, Func<IServiceProvider, SqlStorageEngine> engine)
    {
        services.TryAddSingleton(engine);
        services.TryAddScoped<SqlUnitOfWork>();
        services.TryAddScoped<IUnitOfWork>(sp => sp.GetRequiredService<SqlUnitOfWork>());
        services.TryAddScoped<IOutbox>(sp => sp.GetRequiredService<SqlUnitOfWork>());
        services.TryAddScoped<IInbox>(sp => sp.GetRequiredService<SqlUnitOfWork>());
        services.TryAddScoped<ICustomerRepository, SqlCustomerRepository>();
        services.TryAddScoped<ILeadRepository, SqlLeadRepository>();
        services.TryAddScoped<IOrderViewRepository, SqlOrderViewRepository>();
        services.TryAddScoped<ICustomerDirectory, SqlCustomerDirectory>();
        services.TryAddScoped<IInteractionRepository, SqlInteractionRepository>();
        services.TryAddScoped<IFollowUpRepository, SqlFollowUpRepository>();
        services.TryAddScoped<IOfferRepository, SqlOfferRepository>();
        services.TryAddScoped<ICampaignRepository, SqlCampaignRepository>();
        services.TryAddScoped<IProductCatalogue, SqlProductCatalogue>();
        services.TryAddScoped<IStockRepository, SqlStockRepository>();
        services.TryAddScoped<IOrderRepository, SqlOrderRepository>();
        services.TryAddScoped<IPurchaseOrderRepository, SqlPurchaseOrderRepository>();
        services.TryAddScoped<IInvoiceRepository, SqlInvoiceRepository>();
        services.TryAddScoped<ICreditNoteRepository, SqlCreditNoteRepository>();
        services.TryAddScoped<IInvoiceNumberSequence, SqlInvoiceNumberSequence>();
        services.TryAddSingleton<IOutboxStore, SqlOutboxStore>();
        services.TryAddSingleton<IKpiFactSource, SqlKpiFactSource>();
        services.TryAddSingleton<IHistoryImportStore, SqlHistoryImportStore>();
        services.TryAddSingleton<IKpiAggregateSource, SqlKpiAggregateSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SqlSchemaHostedService>());
        return services;
    }

    /// <summary>The clock of the application, or the system clock when storage is used without <c>AddEcoDrive</c>.</summary>
    public static TimeProvider Clock(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}

/// <summary>The application host's start-up step that creates or upgrades the schema before anything else runs.</summary>
internal sealed class SqlSchemaHostedService(SqlStorageEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
