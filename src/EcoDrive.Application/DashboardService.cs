using EcoDrive.Core.Access;
using EcoDrive.Kpi;
using EcoDrive.Application.Ports;

namespace EcoDrive.Application;

/// <summary>The sales director's dashboard: the three KPIs of a reporting period.</summary>
public sealed class DashboardService
{
    private readonly UseCaseRunner<DashboardPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="DashboardPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock, for the as-of time.</param>
    public DashboardService(UseCaseRunner<DashboardPorts> runner, IAccessPolicy access, TimeProvider clock)
    {
        _runner = runner;
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
            ports => ports.Dashboard.ComputeAsync(period, asOf, cancellationToken),
            cancellationToken);
    }
}
