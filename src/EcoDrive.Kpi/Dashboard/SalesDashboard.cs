namespace EcoDrive.Kpi;

/// <summary>
/// The sales director's dashboard: has the period's orders counted, leads' outcomes counted and revenue summed by an
/// <see cref="IKpiAggregateSource"/> (in the database, when the storage adapter provides one; revenue by a separate
/// <see cref="IRevenueAggregateSource"/> when one is registered) and lays out the three
/// KPIs (new orders, conversion, revenue by segment). Registered as scoped by
/// <see cref="Microsoft.Extensions.DependencyInjection.KpiServiceCollectionExtensions.AddEcoDriveKpi"/>.
/// </summary>
public sealed class SalesDashboard
{
    private readonly IKpiAggregateSource _aggregates;
    private readonly IRevenueAggregateSource _revenue;

    /// <summary>Creates the dashboard over a fact source, aggregating its facts in memory (<see cref="FactKpiAggregateSource"/>).</summary>
    /// <param name="facts">Where the orders, leads and revenue lines come from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public SalesDashboard(IKpiFactSource facts)
        : this(new FactKpiAggregateSource(facts))
    {
    }

    /// <summary>Creates the dashboard over an aggregate source, such as a SQL storage adapter's.</summary>
    /// <param name="aggregates">Where the counts and sums come from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="aggregates"/> is <see langword="null"/>.</exception>
    public SalesDashboard(IKpiAggregateSource aggregates)
        : this(aggregates, aggregates)
    {
    }

    /// <summary>
    /// Creates the dashboard over an aggregate source for orders and leads and another source for revenue: the invoices
    /// of another vendor's ERP, when EcoDrive's CRM runs with it.
    /// </summary>
    /// <param name="aggregates">Where the order counts and lead outcomes come from.</param>
    /// <param name="revenue">Where the revenue sums come from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="aggregates"/> or <paramref name="revenue"/> is <see langword="null"/>.</exception>
    public SalesDashboard(IKpiAggregateSource aggregates, IRevenueAggregateSource revenue)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(revenue);
        _aggregates = aggregates;
        _revenue = revenue;
    }

    /// <summary>
    /// Has the aggregates of <paramref name="period"/> computed (one query per KPI, one after the other, so a source
    /// that is not thread-safe, such as one over a database context, is safe) and lays out the dashboard.
    /// </summary>
    /// <param name="period">The reporting period, time zone and buckets.</param>
    /// <param name="asOf">The instant wins and losses of leads are counted at, usually the current time from a <see cref="TimeProvider"/>.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The three KPIs for the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SalesDashboardReport> ComputeAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);

        var orders = await _aggregates.CountOrdersAsync(period, cancellationToken).ConfigureAwait(false);
        var leads = await _aggregates.CountLeadOutcomesAsync(period, asOf, cancellationToken).ConfigureAwait(false);
        var revenue = await _revenue.SumRevenueAsync(period, cancellationToken).ConfigureAwait(false);

        return new SalesDashboardReport(
            period,
            asOf,
            NewOrdersCalculator.FromCounts(period, orders),
            ConversionCalculator.FromCounts(period, leads, asOf),
            RevenueBySegmentCalculator.FromSums(period, revenue));
    }

    /// <summary>
    /// Computes the dashboard of <paramref name="period"/> and of <see cref="ReportingPeriod.Previous"/>, for a
    /// period-over-period comparison. The previous period is computed as of <paramref name="asOf"/> shifted back by the
    /// time between the two periods' starts, so both lead cohorts have had as long to convert.
    /// </summary>
    /// <param name="period">The current period.</param>
    /// <param name="asOf">The as-of time of the current period.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>Both dashboards and their differences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SalesDashboardComparison> CompareWithPreviousAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = period.Previous();
        var current = await ComputeAsync(period, asOf, cancellationToken).ConfigureAwait(false);
        var before = await ComputeAsync(previous, PreviousAsOf(period, previous, asOf), cancellationToken).ConfigureAwait(false);
        return new SalesDashboardComparison(current, before);
    }

    /// <summary>The dashboard of <paramref name="period"/> over columnar fact tables: the calculators' fast paths.</summary>
    /// <param name="period">The reporting period, time zone and buckets.</param>
    /// <param name="asOf">The instant wins and losses of leads are counted at.</param>
    /// <param name="orders">The orders.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="revenue">The invoice and credit-note lines.</param>
    /// <returns>The three KPIs for the period, as <see cref="ComputeAsync"/> gives them over the same facts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SalesDashboardReport Compute(ReportingPeriod period, DateTimeOffset asOf, OrderFacts orders, LeadFacts leads, RevenueFacts revenue)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new SalesDashboardReport(
            period,
            asOf,
            NewOrdersCalculator.Compute(period, orders),
            ConversionCalculator.Compute(period, leads, asOf),
            RevenueBySegmentCalculator.Compute(period, revenue));
    }

    /// <summary>
    /// <see cref="CompareWithPreviousAsync"/> over columnar fact tables: the dashboards of <paramref name="period"/> and
    /// of the period before it, the previous one as of <paramref name="asOf"/> shifted back by the same amount.
    /// </summary>
    /// <param name="period">The current period.</param>
    /// <param name="asOf">The as-of time of the current period.</param>
    /// <param name="orders">The orders.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="revenue">The invoice and credit-note lines.</param>
    /// <returns>Both dashboards and their differences.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SalesDashboardComparison CompareWithPrevious(ReportingPeriod period, DateTimeOffset asOf, OrderFacts orders, LeadFacts leads, RevenueFacts revenue)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = period.Previous();
        return new SalesDashboardComparison(
            Compute(period, asOf, orders, leads, revenue),
            Compute(previous, PreviousAsOf(period, previous, asOf), orders, leads, revenue));
    }

    private static DateTimeOffset PreviousAsOf(ReportingPeriod period, ReportingPeriod previous, DateTimeOffset asOf) =>
        asOf - (period.UtcStart - previous.UtcStart);
}
