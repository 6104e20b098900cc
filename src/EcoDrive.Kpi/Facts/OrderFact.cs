using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// What the KPIs need to know about one sales order: when the salesperson submitted it and where it is now.
/// Storage adapters provide these through <see cref="IKpiFactSource.GetOrderFactsAsync"/>.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="SubmittedAt">When the order was recorded in the CRM (<see cref="OrderStatus.Submitted"/>); the instant the
/// new-orders KPI buckets it by, whatever its offset.</param>
/// <param name="Status">The order's current status; <see cref="OrderStatus.Cancelled"/> orders are counted separately.</param>
/// <param name="SalespersonId">The salesperson who recorded the order, if known.</param>
public readonly record struct OrderFact(OrderId OrderId, DateTimeOffset SubmittedAt, OrderStatus Status, UserId? SalespersonId);
