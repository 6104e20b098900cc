using EcoDrive.Core;
using EcoDrive.Core.Access;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers EcoDrive.Core's services.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the system <see cref="TimeProvider"/>, the role-based <see cref="IAccessPolicy"/> and an empty
    /// <see cref="InMemoryUserDirectory"/> as the <see cref="IUserDirectory"/>, each unless the application registered
    /// its own first. With the empty directory every user named by id is unknown: register your users' directory
    /// (before this call, or after it: the last registration wins).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddEcoDriveCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessPolicy, RoleBasedAccessPolicy>();
        services.TryAddSingleton<IUserDirectory>(_ => new InMemoryUserDirectory());
        return services;
    }
}
