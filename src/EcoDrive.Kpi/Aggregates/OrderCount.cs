using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>How many orders submitted in one bucket of a period are now in one status: a row of <see cref="IKpiAggregateSource.CountOrdersAsync"/>.</summary>
/// <param name="BucketIndex">The bucket's index in <see cref="ReportingPeriod.Buckets"/>.</param>
/// <param name="Status">The orders' current status.</param>
/// <param name="Orders">How many orders; not negative.</param>
public readonly record struct OrderCount(int BucketIndex, OrderStatus Status, long Orders);
