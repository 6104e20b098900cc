namespace EcoDrive.Kpi;

/// <summary>
/// The sales director's dashboard: reads the period's facts through <see cref="IKpiFactSource"/> and computes the three
/// KPIs (new orders, conversion, revenue by segment). Registered as scoped by
/// <see cref="KpiServiceCollectionExtensions.AddEcoDriveKpi"/>.
/// </summary>
public sealed class SalesDashboard
{
    private readonly IKpiFactSource _facts;

    /// <summary>Creates the dashboard over a fact source.</summary>
    /// <param name="facts">Where the orders, leads and revenue lines come from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public SalesDashboard(IKpiFactSource facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts;
    }

    /// <summary>
    /// Reads the facts of <paramref name="period"/> (one query per kind, one after the other, so a fact source that is
    /// not thread-safe, such as one over a database context, is safe) and computes the dashboard.
    /// </summary>
    /// <param name="period">The reporting period, time zone and buckets.</param>
    /// <param name="asOf">The instant wins and losses of leads are counted at, usually the current time from a <see cref="TimeProvider"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The three KPIs for the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SalesDashboardReport> ComputeAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.UtcStart;
        var to = period.UtcEnd;

        var orders = await _facts.GetOrderFactsAsync(from, to, cancellationToken).ConfigureAwait(false);
        var leads = await _facts.GetLeadFactsAsync(from, to, cancellationToken).ConfigureAwait(false);
        var revenue = await _facts.GetRevenueFactsAsync(from, to, cancellationToken).ConfigureAwait(false);

        return new SalesDashboardReport(
            period,
            asOf,
            NewOrdersCalculator.Compute(period, orders),
            ConversionCalculator.Compute(period, leads, asOf),
            RevenueBySegmentCalculator.Compute(period, revenue));
    }
}
