namespace EcoDrive.Core;

/// <summary>
/// One entry of an order's status history: the state it entered, when, who moved it and why, and the order's
/// version after the change (1 for <see cref="OrderStatus.Submitted"/>, then one more per change). The CRM applies
/// reports in version order and ignores stale ones.
/// </summary>
/// <param name="Status">The state entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who moved it; <see langword="null"/> for the system (the ERP's automatic reservation).</param>
/// <param name="Reason">Why, when a reason applies (rejection, cancellation).</param>
/// <param name="Version">The order's version after this change.</param>
public sealed record OrderStatusEntry(OrderStatus Status, DateTimeOffset At, UserId? Actor, string? Reason, long Version);
