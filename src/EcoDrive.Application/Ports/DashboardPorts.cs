using EcoDrive.Kpi;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="DashboardService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="dashboard">Computes the KPIs from the scope's storage.</param>
public sealed class DashboardPorts(SalesDashboard dashboard)
{
    internal SalesDashboard Dashboard { get; } = dashboard;
}
