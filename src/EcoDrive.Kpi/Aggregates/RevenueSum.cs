using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>The net amount of the invoice and credit-note lines of one segment in one currency: a row of <see cref="IRevenueAggregateSource.SumRevenueAsync"/>.</summary>
/// <param name="Segment">The product segment.</param>
/// <param name="Net">The exact sum of the lines' net amounts (credit-note lines negative), in their currency.</param>
/// <param name="Lines">How many lines were summed; at least one.</param>
public readonly record struct RevenueSum(ProductSegment Segment, Money Net, long Lines);
