using EcoDrive.Integration.Application;
using EcoDrive.Integration.Handlers;
using EcoDrive.Integration.Messaging;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Integration;

/// <summary>Registers EcoDrive's application services and the CRM ↔ ERP order flow.</summary>
public static class IntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything but storage: the clock and access policy (unless already registered), the application
    /// services (<see cref="CustomerService"/>, <see cref="LeadService"/>, <see cref="SalesActivityService"/>,
    /// <see cref="OfferService"/>, <see cref="CampaignService"/>, <see cref="SalesOrderService"/>,
    /// <see cref="FulfilmentService"/>, <see cref="BillingService"/>, <see cref="DashboardService"/>), the
    /// <see cref="OutboxDispatcher"/> and the built-in message handlers. Add a storage adapter next
    /// (<c>AddEcoDriveInMemoryStorage()</c>) and, for campaigns, an <c>IMessageSender</c> (the in-memory adapter
    /// registers a recording one).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDrive(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddEcoDriveCore();
        services.AddEcoDriveKpi();
        services.TryAddSingleton<CustomerService>();
        services.TryAddSingleton<LeadService>();
        services.TryAddSingleton<SalesActivityService>();
        services.TryAddSingleton<OfferService>();
        services.TryAddSingleton<CampaignService>();
        services.TryAddSingleton<SalesOrderService>();
        services.TryAddSingleton<FulfilmentService>();
        services.TryAddSingleton<BillingService>();
        services.TryAddSingleton<DashboardService>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddScoped<IIntegrationMessageHandler<OrderSubmitted>, ErpOrderIntake>();
        services.TryAddScoped<IIntegrationMessageHandler<OrderStatusChanged>, CrmOrderStatusProjection>();
        return services;
    }
}
