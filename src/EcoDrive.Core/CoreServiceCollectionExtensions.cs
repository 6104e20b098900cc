using EcoDrive.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Core;

/// <summary>Registers EcoDrive.Core's services.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the system <see cref="TimeProvider"/> and the role-based <see cref="IAccessPolicy"/>, unless the
    /// application registered its own first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDriveCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessPolicy, RoleBasedAccessPolicy>();
        return services;
    }
}
