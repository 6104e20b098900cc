namespace EcoDrive.Kpi;

/// <summary>
/// Port through which the KPIs are aggregated where the data live: a storage adapter counts and sums in its database
/// and returns a few hundred grouped rows instead of every fact of the period. The SQL adapters implement it;
/// <see cref="SalesDashboard"/> uses it when one is registered and otherwise aggregates the facts of
/// <see cref="IKpiFactSource"/> itself (<see cref="FactKpiAggregateSource"/>).
/// </summary>
/// <remarks>
/// An implementation must give exactly what the calculators give over the facts of the same store:
/// <see cref="NewOrdersCalculator.FromCounts"/>, <see cref="ConversionCalculator.FromCounts"/> and
/// <see cref="RevenueBySegmentCalculator.FromSums"/> over its rows must equal
/// <see cref="NewOrdersCalculator.Compute(ReportingPeriod, IEnumerable{OrderFact})"/>,
/// <see cref="ConversionCalculator.Compute(ReportingPeriod, IEnumerable{LeadFact}, DateTimeOffset)"/> and
/// <see cref="RevenueBySegmentCalculator.Compute(ReportingPeriod, IEnumerable{RevenueFact})"/> over its facts. The
/// contract kit's <c>KpiAggregateSourceContract</c> proves it. Rows may come in any order, and one group may be split
/// over several rows (they are added up). Revenue comes from <see cref="IRevenueAggregateSource.SumRevenueAsync"/>,
/// which <see cref="SalesDashboard"/> takes from a separately registered <see cref="IRevenueAggregateSource"/> when
/// there is one (a foreign ERP's invoices).
/// </remarks>
public interface IKpiAggregateSource : IRevenueAggregateSource
{
    /// <summary>
    /// Counts the orders submitted in each bucket of <paramref name="period"/> (by <see cref="OrderFact.SubmittedAt"/>,
    /// half-open bucket ranges <see cref="ReportingBucket.UtcStart"/> to <see cref="ReportingBucket.UtcEnd"/>), per
    /// current status.
    /// </summary>
    /// <param name="period">The reporting period and its buckets.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One row per bucket and status with at least one order, in any order.</returns>
    Task<IReadOnlyList<OrderCount>> CountOrdersAsync(ReportingPeriod period, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the cohort of leads created in <paramref name="period"/> per (source, owner, campaign), with how many
    /// were won (won at or before <paramref name="asOf"/>) and lost (not won by then, lost at or before it).
    /// </summary>
    /// <param name="period">The period whose created leads form the cohort.</param>
    /// <param name="asOf">The instant at which wins and losses are counted.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One row per (source, owner, campaign) with at least one lead, in any order.</returns>
    Task<IReadOnlyList<LeadOutcomeCount>> CountLeadOutcomesAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default);
}
