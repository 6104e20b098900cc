using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>How many of a period's new orders are now in one status.</summary>
/// <param name="Status">The current status.</param>
/// <param name="Orders">Orders submitted in the period and now in <paramref name="Status"/>.</param>
public sealed record OrderStatusCount(OrderStatus Status, int Orders);
