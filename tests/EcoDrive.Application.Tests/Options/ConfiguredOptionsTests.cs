using EcoDrive.Application.Access;
using EcoDrive.Crm;
using EcoDrive.Kpi;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Options;

/// <summary>A configured setting is the one the services use, not the default.</summary>
public sealed class ConfiguredOptionsTests
{
    [Fact]
    public async Task GetAgenda_ConfiguredHorizon_ListsTheFollowUpsDueWithinIt()
    {
        await using var host = new TestHost(services => services.AddEcoDriveInMemoryStorage().Configure<SalesActivityOptions>(o => o.AgendaHorizon = TimeSpan.FromDays(3)));
        var camille = PartyRef.Customer(await host.AddCamilleAsync());
        var now = host.Clock.GetUtcNow();
        await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, camille, now.AddDays(2), "call back about financing");
        await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, camille, now.AddDays(4), "propose a test drive");

        var agenda = await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id);

        Assert.Equal(now.AddDays(3), agenda.DueUntil);
        Assert.Equal(["call back about financing"], agenda.Due.Select(f => f.Purpose));
    }

    [Fact]
    public async Task GetAgenda_DefaultHorizon_IsOneDay()
    {
        await using var host = new TestHost(services => services.AddEcoDriveInMemoryStorage());

        var agenda = await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id);

        Assert.Equal(host.Clock.GetUtcNow().AddDays(1), agenda.DueUntil);
    }

    [Fact]
    public async Task GetDashboardByDates_ConfiguredTimeZone_CutsThePeriodInThatZone()
    {
        await using var host = new TestHost(services => services.AddEcoDriveInMemoryStorage().Configure<ReportingOptions>(o => o.TimeZoneId = "Asia/Tokyo"));

        var report = await host.Dashboard.GetAsync(TestHost.Helene, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month);

        Assert.Equal("Asia/Tokyo", report.Period.TimeZone.Id);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 15, 0, 0, TimeSpan.Zero), report.Period.UtcStart);
    }

    [Fact]
    public async Task ExplainSystemCheck_ConfiguredStalledAfter_ReportsAMessageWaitingLongerAsStalled()
    {
        await using var host = new TestHost(services => services.AddEcoDriveInMemoryStorage().Configure<AccessDiagnosticsOptions>(o => o.StalledAfter = TimeSpan.FromSeconds(30)));
        var camille = await host.AddCamilleAsync();
        await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(ProductId.New(), 1)]);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var explanation = await host.Get<AccessDiagnostics>().ExplainContactAccessAsync(TestHost.Sophie, camille);

        Assert.Contains(explanation.Checks, c => c.Verdict == CheckVerdict.Warning && c.Finding.Contains("waiting for more than 0.5 minutes", StringComparison.Ordinal));
    }
}
