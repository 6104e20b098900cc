using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// A period's dashboard next to the previous period's, with the changes a sales director reads first. Produced by
/// <see cref="SalesDashboard.CompareWithPreviousAsync"/>.
/// </summary>
/// <param name="Current">The dashboard of the period.</param>
/// <param name="Previous">The dashboard of <see cref="ReportingPeriod.Previous"/>, as of the current as-of time shifted back by the
/// time between the two periods' starts, so that both lead cohorts have had as long to convert.</param>
public sealed record SalesDashboardComparison(SalesDashboardReport Current, SalesDashboardReport Previous)
{
    /// <summary>New orders of the period minus those of the previous period.</summary>
    public int NewOrdersChange => Current.NewOrders.TotalOrders - Previous.NewOrders.TotalOrders;

    /// <summary>
    /// The conversion rate of the period minus the previous one's (a fraction: 0.05 is five points), or
    /// <see langword="null"/> when either has no rate (no leads).
    /// </summary>
    public decimal? ConversionRateChange => Current.Conversion.Rate - Previous.Conversion.Rate;

    /// <summary>For each currency of either period (EUR first, then by code), the total net revenue of the period minus the previous one's.</summary>
    public IReadOnlyList<Money> RevenueChange =>
        Current.Revenue.Totals.Select(total => total.Currency)
            .Union(Previous.Revenue.Totals.Select(total => total.Currency))
            .OrderBy(currency => currency == Currency.Eur ? 0 : 1)
            .ThenBy(currency => currency.Code, StringComparer.Ordinal)
            .Select(currency => Current.Revenue.TotalIn(currency) - Previous.Revenue.TotalIn(currency))
            .ToList()
            .AsReadOnly();
}
