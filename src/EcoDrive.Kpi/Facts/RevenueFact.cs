using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// One invoice line or credit-note line, net of VAT, as the revenue KPI sees it. Storage adapters provide these through
/// <see cref="IKpiFactSource.GetRevenueFactsAsync"/>.
/// </summary>
/// <param name="IssuedAt">When the invoice or credit note was issued; revenue counts in the period of this instant, so a
/// credit note issued in a later period reduces that later period, not the invoice's.</param>
/// <param name="Segment">The product segment of the line's product.</param>
/// <param name="Net">The line's net (VAT-excluded) amount: positive for an invoice line, negative for a credit-note line.</param>
public readonly record struct RevenueFact(DateTimeOffset IssuedAt, ProductSegment Segment, Money Net);
