using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>Net revenue (invoice lines minus credit-note lines, VAT excluded) of one product segment in one currency.</summary>
/// <param name="Segment">The product segment.</param>
/// <param name="Net">The exact sum of the segment's net amounts in <see cref="Money.Currency"/>; zero when none, negative
/// when credit notes outweigh invoices.</param>
public sealed record SegmentRevenue(ProductSegment Segment, Money Net);
