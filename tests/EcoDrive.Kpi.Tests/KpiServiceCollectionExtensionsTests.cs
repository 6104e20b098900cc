using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Kpi.Tests;

public sealed class KpiServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEcoDriveKpi_Always_RegistersSalesDashboardAsScoped()
    {
        var services = new ServiceCollection().AddEcoDriveKpi();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(SalesDashboard));
        Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);
    }

    [Fact]
    public void AddEcoDriveKpi_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection().AddEcoDriveKpi().AddEcoDriveKpi();

        Assert.Single(services, d => d.ServiceType == typeof(SalesDashboard));
    }

    [Fact]
    public void AddEcoDriveKpi_WithAFactSource_ResolvesTheDashboard()
    {
        var services = new ServiceCollection()
            .AddSingleton<IKpiFactSource, FakeKpiFactSource>()
            .AddEcoDriveKpi();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<SalesDashboard>());
    }

    [Fact]
    public async Task AddEcoDriveKpi_WithAnAggregateSource_TheDashboardAggregatesThroughIt()
    {
        var aggregates = new FakeKpiAggregateSource();
        var facts = new FakeKpiFactSource();
        var services = new ServiceCollection()
            .AddSingleton<IKpiFactSource>(facts)
            .AddSingleton<IKpiAggregateSource>(aggregates)
            .AddEcoDriveKpi();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();
        var period = new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month);

        await scope.ServiceProvider.GetRequiredService<SalesDashboard>().ComputeAsync(period, period.UtcEnd);

        Assert.Equal(["orders", "leads", "revenue"], aggregates.Calls);
        Assert.Empty(facts.Calls);
    }
}
