using EcoDrive.Core.Access;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application;

/// <summary>The sales director's dashboard: the three KPIs of a reporting period.</summary>
public sealed class DashboardService
{
    private readonly UseCaseRunner _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="scopes">Creates the scope of each read.</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock, for the as-of time.</param>
    public DashboardService(IServiceScopeFactory scopes, IAccessPolicy access, TimeProvider clock)
    {
        _runner = new UseCaseRunner(scopes);
        _access = access;
        _clock = clock;
    }

    /// <summary>New orders, lead conversion and revenue by segment for <paramref name="period"/>, as of now.</summary>
    /// <param name="actor">Who; needs <c>kpi.view</c>.</param>
    /// <param name="period">The reporting period, bucket and time zone.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>kpi.view</c>.</exception>
    public Task<SalesDashboardReport> GetAsync(User actor, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.KpiView);
        ArgumentNullException.ThrowIfNull(period);
        var asOf = _clock.GetUtcNow();
        return _runner.RunAsync(
            services => services.GetRequiredService<SalesDashboard>().ComputeAsync(period, asOf, cancellationToken),
            cancellationToken);
    }
}
