using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers EcoDrive.Kpi's services.</summary>
public static class KpiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SalesDashboard"/> as scoped, unless the application registered its own first. The dashboard
    /// uses the <see cref="IKpiAggregateSource"/> of the storage adapter when there is one (the SQL adapters aggregate in
    /// the database), and otherwise aggregates the facts of the <see cref="IKpiFactSource"/>, which a storage adapter
    /// (or the application) registers. Revenue comes from an <see cref="IRevenueAggregateSource"/> when the application
    /// registered one (the invoices of another vendor's ERP), and otherwise from the same source as orders and leads.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddEcoDriveKpi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped(sp =>
        {
            var aggregates = sp.GetService<IKpiAggregateSource>() ?? new FactKpiAggregateSource(sp.GetRequiredService<IKpiFactSource>());
            return new SalesDashboard(aggregates, sp.GetService<IRevenueAggregateSource>() ?? aggregates);
        });
        return services;
    }
}
