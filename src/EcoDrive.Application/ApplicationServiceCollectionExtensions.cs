using EcoDrive.Application;
using EcoDrive.Core.Access;
using EcoDrive.Application.Access;
using EcoDrive.Application.Gateways;
using EcoDrive.Application.Handlers;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Ports;
using EcoDrive.Erp.Invoices;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers EcoDrive's application services and the CRM ↔ ERP order flow.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything but storage: the clock, the access policy and an empty user directory (each unless already
    /// registered; register your users' <see cref="EcoDrive.Core.Access.IUserDirectory"/> before or after this call), the application
    /// services (<see cref="CustomerService"/>, <see cref="LeadService"/>, <see cref="SalesActivityService"/>,
    /// <see cref="OfferService"/>, <see cref="CampaignService"/>, <see cref="SalesOrderService"/>,
    /// <see cref="FulfilmentService"/>, <see cref="PurchasingService"/>, <see cref="BillingService"/>,
    /// <see cref="DashboardService"/>, <see cref="HistoryImportService"/>, <see cref="ParkedMessageService"/>) with the
    /// <see cref="UseCaseRunner{TPorts}"/> that runs their use cases and, scoped, the ports type of each (in
    /// <see cref="EcoDrive.Application.Ports"/>, listing the storage ports of one unit of work), the
    /// <see cref="OutboxDispatcher"/> and its <see cref="OutboxDispatcherOptions"/> (run it with <see cref="AddEcoDriveDispatcher"/>), the access diagnostics, EcoDrive's own ERP
    /// and CRM behind the <see cref="IErpGateway"/> and <see cref="ICrmGateway"/> ports (register an adapter for either
    /// before this call to run against a foreign system), and the <see cref="InvoicingOptions"/>, which start with a
    /// fictitious sample seller: set yours with <c>services.Configure&lt;InvoicingOptions&gt;(…)</c>. Add a storage
    /// adapter next (<c>AddEcoDriveInMemoryStorage()</c>) and, for campaigns, an <c>IMessageSender</c> (the in-memory
    /// adapter registers a recording one; without one, <see cref="CampaignService.SendPendingAsync"/> refuses to send and
    /// names what to register). The registrations pass the container's strict checks (<c>ValidateOnBuild</c>,
    /// <c>ValidateScopes</c>) with each of EcoDrive's storage adapters.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDrive(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddEcoDriveCore();
        services.AddEcoDriveKpi();
        services.AddValidatedOptions<InvoicingOptions>(InvoicingProblems);
        services.AddValidatedOptions<CampaignOptions>(o => o.Problems());
        services.AddValidatedOptions<PricingOptions>(o => o.Problems());
        services.AddValidatedOptions<SalesActivityOptions>(o => o.Problems());
        services.AddValidatedOptions<ReportingOptions>(o => o.Problems());
        services.AddValidatedOptions<AccessDiagnosticsOptions>(o => o.Problems());
        services.TryAdd(ServiceDescriptor.Singleton(typeof(UseCaseRunner<>), typeof(UseCaseRunner<>)));
        services.TryAddScoped<CustomerPorts>();
        services.TryAddScoped<LeadPorts>();
        services.TryAddScoped<SalesActivityPorts>();
        services.TryAddScoped<OfferPorts>();
        services.TryAddScoped<CampaignPorts>();
        services.TryAddScoped<SalesOrderPorts>();
        services.TryAddScoped<FulfilmentPorts>();
        services.TryAddScoped<PurchasingPorts>();
        services.TryAddScoped<BillingPorts>();
        services.TryAddScoped<DashboardPorts>();
        services.TryAddScoped<HistoryImportPorts>();
        services.TryAddScoped<OutboxDispatcherPorts>();
        services.TryAddScoped<IntegrationInboundPorts>();
        services.TryAddScoped<AccessDiagnosticsPorts>();
        services.TryAddSingleton<CustomerService>();
        services.TryAddSingleton<LeadService>();
        services.TryAddSingleton<SalesActivityService>();
        services.TryAddSingleton<OfferService>();
        services.TryAddSingleton<CampaignService>();
        services.TryAddSingleton<SalesOrderService>();
        services.TryAddSingleton<FulfilmentService>();
        services.TryAddSingleton<PurchasingService>();
        services.TryAddSingleton<BillingService>();
        services.TryAddSingleton<DashboardService>();
        services.TryAddSingleton<HistoryImportService>();
        services.TryAddSingleton<ParkedMessageService>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddValidatedOptions<OutboxDispatcherOptions>(o => o.Problems());
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OrderStatusFeed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveredMessageObserver, OrderStatusFeed>(sp => sp.GetRequiredService<OrderStatusFeed>()));
        services.TryAddSingleton<AccessDiagnostics>();
        services.AddOptions<AccessOptions>();
        services.TryAddSingleton<IntegrationInbound>();
        services.TryAddScoped<IErpGateway, ErpOrderIntake>();
        services.TryAddScoped<ICrmGateway, CrmOrderStatusProjection>();
        services.TryAddScoped<GatewayHandlers>();
        services.TryAddScoped<IIntegrationMessageHandler<OrderSubmitted>>(sp => sp.GetRequiredService<GatewayHandlers>());
        services.TryAddScoped<IIntegrationMessageHandler<OrderStatusChanged>>(sp => sp.GetRequiredService<GatewayHandlers>());
        return services;
    }

    /// <summary>
    /// Runs the <see cref="OutboxDispatcher"/> in the background of a host (a <c>BackgroundService</c>), so that orders
    /// flow CRM → ERP → CRM without the host writing its own loop: it delivers batches while messages are due, is woken
    /// at once by a commit of this process, and otherwise looks every <see cref="OutboxDispatcherOptions.PollInterval"/>
    /// (for messages committed by other processes). Several hosts on one database may each run it: messages are claimed,
    /// never delivered by two at once. Call after <see cref="AddEcoDrive"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the <see cref="OutboxDispatcherOptions"/>; bind a configuration section with
    /// <c>services.Configure&lt;OutboxDispatcherOptions&gt;(section)</c> instead if you prefer.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDriveDispatcher(this IServiceCollection services, Action<OutboxDispatcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OutboxDispatcherOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<OutboxSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, OutboxDispatcherService>());
        return services;
    }

    private static IEnumerable<string> InvoicingProblems(InvoicingOptions options)
    {
        if (options.Seller is null)
        {
            yield return $"{nameof(InvoicingOptions)}.{nameof(InvoicingOptions.Seller)} is not set; invoices must name the seller.";
        }

        if (options.PaymentTerms is null)
        {
            yield return $"{nameof(InvoicingOptions)}.{nameof(InvoicingOptions.PaymentTerms)} is not set.";
        }

        if (options.TimeZone is null)
        {
            yield return $"{nameof(InvoicingOptions)}.{nameof(InvoicingOptions.TimeZone)} is not set; invoice dates are days in that zone.";
        }

        foreach (var problem in ValidatedOptions.Range($"{nameof(InvoicingOptions)}.{nameof(InvoicingOptions.LatePaymentPenaltyRate)}", options.LatePaymentPenaltyRate, 0m, 100m))
        {
            yield return problem;
        }
    }
}
