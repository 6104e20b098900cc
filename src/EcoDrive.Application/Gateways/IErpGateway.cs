using EcoDrive.Application.Messaging;

namespace EcoDrive.Application.Gateways;

/// <summary>
/// Port: the ERP as the CRM sees it. The dispatcher hands each order recorded in the CRM to it. EcoDrive's own ERP
/// implements it in-process; to run our CRM against another ERP, register your adapter in its place
/// (<c>services.AddScoped&lt;IErpGateway, MyErpAdapter&gt;()</c> before <c>AddEcoDrive()</c>; it is resolved in the
/// dispatcher's scope of each batch, so scoped or singleton both work), and have that ERP
/// report each status back through <see cref="IntegrationInbound.AcceptAsync"/>. The revenue KPI sums invoices, which
/// then live in that ERP: register an <see cref="EcoDrive.Kpi.IRevenueAggregateSource"/> over them too, or revenue
/// stays zero.
/// </summary>
public interface IErpGateway
{
    /// <summary>
    /// Hands an order to the ERP. Called at least once per order (again after a failure or a crash), so it must be
    /// idempotent by <see cref="OrderSubmitted.OrderId"/>; throwing makes the dispatcher retry later with back-off.
    /// </summary>
    /// <param name="order">The order as the CRM recorded it.</param>
    /// <param name="cancellationToken">Cancels the hand-off; it is retried later.</param>
    Task SubmitOrderAsync(OrderSubmitted order, CancellationToken cancellationToken);
}

/// <summary>
/// Port: the CRM as the ERP sees it. The dispatcher hands each status change of an order to it. EcoDrive's own CRM
/// implements it in-process; to run our ERP under another CRM, register your adapter in its place, and have that CRM
/// submit orders through <see cref="IntegrationInbound.AcceptAsync"/>.
/// </summary>
public interface ICrmGateway
{
    /// <summary>
    /// Reports a status change. Called at least once per change, possibly after a later one, so it must ignore a
    /// report whose <see cref="OrderStatusEntry.Version"/> is not newer than what it knows; throwing makes the
    /// dispatcher retry later.
    /// </summary>
    /// <param name="report">The change, with the order's version.</param>
    /// <param name="cancellationToken">Cancels the report; it is retried later.</param>
    Task ReportStatusAsync(OrderStatusChanged report, CancellationToken cancellationToken);
}
