using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Tests.Shared;

/// <summary>
/// What ASP.NET Core's Development environment does to a host's container: validate every registration when the
/// provider is built and refuse a scoped service resolved from the root. An adapter's registrations, next to
/// <c>AddEcoDrive()</c> in either order, must pass it.
/// </summary>
internal static class ContainerValidation
{
    public static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    /// <summary>Builds the provider strictly, then resolves every closed service type registered, inside a scope.</summary>
    public static async Task BuildAndResolveEveryServiceAsync(IServiceCollection services)
    {
        await using var provider = services.BuildServiceProvider(Strict);
        await using var scope = provider.CreateAsyncScope();
        foreach (var type in services.Select(d => d.ServiceType).Where(t => !t.ContainsGenericParameters).Distinct())
        {
            Assert.NotNull(scope.ServiceProvider.GetService(type));
        }
    }
}
