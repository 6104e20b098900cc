using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// KPI 3, revenue by product segment: net invoice amounts minus credit notes issued in <see cref="Period"/>, per segment
/// and currency, summed exactly. Produced by <see cref="RevenueBySegmentCalculator"/>.
/// </summary>
/// <remarks>Currencies are never converted into one another: each currency has its own rows and its own total.</remarks>
/// <param name="Period">The reporting period.</param>
/// <param name="Segments">
/// For each currency (EUR first, then by code), one row per segment: every <see cref="ProductSegment.Standard"/> segment
/// in display order, zero when it sold nothing, then any other segment seen, by code.
/// </param>
/// <param name="Totals">One total per currency, in the same currency order: the sum of that currency's rows.</param>
public sealed record RevenueBySegmentReport(ReportingPeriod Period, IReadOnlyList<SegmentRevenue> Segments, IReadOnlyList<Money> Totals)
{
    /// <summary>The net revenue of <paramref name="segment"/> in <paramref name="currency"/>; zero when the report has no such row.</summary>
    /// <param name="segment">The product segment.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The row's net amount, or zero in <paramref name="currency"/>.</returns>
    public Money NetOf(ProductSegment segment, Currency currency)
    {
        foreach (var row in Segments)
        {
            if (row.Segment == segment && row.Net.Currency == currency)
            {
                return row.Net;
            }
        }

        return Money.Zero(currency);
    }

    /// <summary>The total net revenue in <paramref name="currency"/>; zero when the report has no such currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The currency's total, or zero in <paramref name="currency"/>.</returns>
    public Money TotalIn(Currency currency)
    {
        foreach (var total in Totals)
        {
            if (total.Currency == currency)
            {
                return total;
            }
        }

        return Money.Zero(currency);
    }
}
