namespace EcoDrive.Kpi;

/// <summary>
/// Port through which the revenue KPI sums the invoices and credit notes of a period. Every
/// <see cref="IKpiAggregateSource"/> is one (EcoDrive's storage adapters sum the invoices of EcoDrive's own ERP). With
/// another vendor's ERP behind <c>IErpGateway</c>, the invoices live in that ERP: register an implementation over its
/// invoices and credit notes (<c>services.AddScoped&lt;IRevenueAggregateSource, MyErpRevenue&gt;()</c>), and
/// <see cref="SalesDashboard"/> takes revenue from it and orders and leads from the storage adapter.
/// </summary>
/// <remarks>
/// An implementation gives one row per (segment, currency) with the sum of the net amounts (VAT excluded) of the invoice
/// lines issued in the period (positive) and of the credit-note lines issued in it (negative), and the number of lines;
/// a line counts in the period when its document's issue instant is in [<see cref="ReportingPeriod.UtcStart"/>,
/// <see cref="ReportingPeriod.UtcEnd"/>). Rows may come in any order, and one group may be split over several rows.
/// </remarks>
public interface IRevenueAggregateSource
{
    /// <summary>
    /// Sums, per product segment and currency, the net amounts of the invoice lines (positive) and credit-note lines
    /// (negative) issued in <paramref name="period"/>.
    /// </summary>
    /// <param name="period">The reporting period; only its UTC start and end matter.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One row per (segment, currency) with at least one line, in any order.</returns>
    Task<IReadOnlyList<RevenueSum>> SumRevenueAsync(ReportingPeriod period, CancellationToken cancellationToken = default);
}
