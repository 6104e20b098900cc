using EcoDrive.Core.Access;
using EcoDrive.Kpi;
using EcoDrive.Application.Ports;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>The sales director's dashboard: the three KPIs of a reporting period.</summary>
public sealed class DashboardService
{
    private readonly UseCaseRunner<DashboardPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="DashboardPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock, for the as-of time.</param>
    /// <param name="options">The reporting time zone, for periods given by their dates (<see cref="ReportingOptions.TimeZoneId"/>).</param>
    public DashboardService(UseCaseRunner<DashboardPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<ReportingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _access = access;
        _clock = clock;
        _timeZone = options.Value.TimeZone;
    }

    /// <summary>
    /// New orders, lead conversion and revenue by segment from <paramref name="from"/> to <paramref name="to"/>
    /// (exclusive), days of the configured reporting time zone (<see cref="ReportingOptions.TimeZoneId"/>), as of now.
    /// </summary>
    /// <param name="actor">Who; needs <c>kpi.view</c>.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The day after the last.</param>
    /// <param name="bucket">How new orders are broken down.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>kpi.view</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public Task<SalesDashboardReport> GetAsync(User actor, DateOnly from, DateOnly to, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.KpiView);
        return GetAsync(actor, new ReportingPeriod(from, to, bucket, _timeZone), cancellationToken);
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
