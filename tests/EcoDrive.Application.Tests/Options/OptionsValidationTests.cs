using EcoDrive.Application.Access;
using EcoDrive.Application.Messaging;
using EcoDrive.Erp.Invoices;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application.Tests.Options;

/// <summary>
/// Every tunable of <c>AddEcoDrive</c> is validated when a host starts (through the <see cref="IStartupValidator"/> a host
/// runs), naming the setting, its value and its range.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<IServiceCollection>> OutOfRange() => new()
    {
        { "CampaignOptions.SendBatchSize is 0;", s => s.Configure<CampaignOptions>(o => o.SendBatchSize = 0) },
        { "CampaignOptions.SendBatchSize is 10001;", s => s.Configure<CampaignOptions>(o => o.SendBatchSize = 10_001) },
        { "SalesActivityOptions.AgendaHorizon is -00:00:01;", s => s.Configure<SalesActivityOptions>(o => o.AgendaHorizon = TimeSpan.FromSeconds(-1)) },
        { "ReportingOptions.TimeZoneId is 'Mars/Olympus'", s => s.Configure<ReportingOptions>(o => o.TimeZoneId = "Mars/Olympus") },
        { "AccessDiagnosticsOptions.StalledAfter is 00:00:00;", s => s.Configure<AccessDiagnosticsOptions>(o => o.StalledAfter = TimeSpan.Zero) },
        { "OutboxDispatcherOptions.MaxBackOff is 00:00:00.0500000;", s => s.Configure<OutboxDispatcherOptions>(o => o.MaxBackOff = TimeSpan.FromMilliseconds(50)) },
        { "InvoicingOptions.LatePaymentPenaltyRate is -1;", s => s.Configure<InvoicingOptions>(o => o.LatePaymentPenaltyRate = -1m) },
        { "InvoicingOptions.Seller is not set;", s => s.Configure<InvoicingOptions>(o => o.Seller = null!) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task StartHost_SettingOutOfRange_FailsNamingTheSetting(string expected, Action<IServiceCollection> configure)
    {
        await using var services = Build(configure);

        var error = Assert.Throws<OptionsValidationException>(services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartHost_DefaultSettings_Starts()
    {
        await using var services = Build(_ => { });

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task StartHost_SettingsAtTheEdgesOfTheirRanges_Starts()
    {
        await using var services = Build(s => s
            .Configure<CampaignOptions>(o => o.SendBatchSize = 10_000)
            .Configure<SalesActivityOptions>(o => o.AgendaHorizon = TimeSpan.Zero)
            .Configure<ReportingOptions>(o => o.TimeZoneId = "Asia/Kolkata")
            .Configure<AccessDiagnosticsOptions>(o => o.StalledAfter = TimeSpan.FromSeconds(1)));

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddEcoDrive().AddEcoDriveInMemoryStorage();
        configure(services);
        return services.BuildServiceProvider();
    }
}
