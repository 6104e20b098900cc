using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// An <see cref="IKpiAggregateSource"/> that reads the period's facts through an <see cref="IKpiFactSource"/> and
/// aggregates them in memory: what <see cref="SalesDashboard"/> uses when the storage adapter cannot aggregate itself
/// (the in-memory adapter, an integrator's fact source). Facts outside the period are ignored, as the calculators do.
/// </summary>
public sealed class FactKpiAggregateSource : IKpiAggregateSource
{
    private readonly IKpiFactSource _facts;

    /// <summary>Creates the aggregator over a fact source.</summary>
    /// <param name="facts">Where the orders, leads and revenue lines come from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public FactKpiAggregateSource(IKpiFactSource facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OrderCount>> CountOrdersAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var orders = await _facts.GetOrderFactsAsync(period.UtcStart, period.UtcEnd, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<(int Bucket, OrderStatus Status), long>();
        foreach (var order in orders)
        {
            var bucket = period.BucketIndexOf(order.SubmittedAt);
            if (bucket >= 0)
            {
                counts[(bucket, order.Status)] = counts.GetValueOrDefault((bucket, order.Status)) + 1;
            }
        }

        return [.. counts.Select(pair => new OrderCount(pair.Key.Bucket, pair.Key.Status, pair.Value))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LeadOutcomeCount>> CountLeadOutcomesAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var leads = await _facts.GetLeadFactsAsync(period.UtcStart, period.UtcEnd, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<(string Source, UserId? Owner, CampaignId? Campaign), (long Leads, long Won, long Lost)>();
        foreach (var lead in leads)
        {
            if (!period.Contains(lead.CreatedAt))
            {
                continue;
            }

            var outcome = ConversionCalculator.Outcome(lead.WonAt <= asOf, lead.LostAt <= asOf);
            var key = (lead.Source ?? string.Empty, lead.OwnerId, lead.CampaignId);
            var (total, won, lost) = counts.GetValueOrDefault(key);
            counts[key] = (total + 1, won + (outcome == 1 ? 1 : 0), lost + (outcome == 2 ? 1 : 0));
        }

        return [.. counts.Select(pair => new LeadOutcomeCount(pair.Key.Source, pair.Key.Owner, pair.Key.Campaign, pair.Value.Leads, pair.Value.Won, pair.Value.Lost))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RevenueSum>> SumRevenueAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var lines = await _facts.GetRevenueFactsAsync(period.UtcStart, period.UtcEnd, cancellationToken).ConfigureAwait(false);
        var sums = new Dictionary<(ProductSegment Segment, Currency Currency), (decimal Net, long Lines)>();
        foreach (var line in lines)
        {
            if (!period.Contains(line.IssuedAt))
            {
                continue;
            }

            var key = (line.Segment, line.Net.Currency);
            var (net, count) = sums.GetValueOrDefault(key);
            sums[key] = (net + line.Net.Amount, count + 1);
        }

        return [.. sums.Select(pair => new RevenueSum(pair.Key.Segment, new Money(pair.Value.Net, pair.Key.Currency), pair.Value.Lines))];
    }
}
