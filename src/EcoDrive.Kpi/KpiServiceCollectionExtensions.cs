using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Kpi;

/// <summary>Registers EcoDrive.Kpi's services.</summary>
public static class KpiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SalesDashboard"/> as scoped, unless the application registered its own first. The dashboard
    /// needs an <see cref="IKpiFactSource"/>, which a storage adapter (or the application) registers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddEcoDriveKpi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<SalesDashboard>();
        return services;
    }
}
