using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// The sales dashboard of one <see cref="ReportingPeriod"/> kept up to date event by event: each order, lead or
/// revenue event updates running counts in O(1), and <see cref="ToReport"/> reads them at any time without rescanning
/// any fact. After the same history, its report equals the batch calculators' at any as-of time not before the last
/// event.
/// </summary>
/// <remarks>
/// <para>
/// Events carry the fact as it is just after the change (and, for a status change, the previous status), so the projection
/// keeps no per-order or per-lead state: its memory is one counter per bucket, per status and per (source, owner,
/// campaign, segment-currency) group. Apply each entity's events in the order they happened; events of facts outside
/// the period (an order submitted before it, a lead created after it) change nothing.
/// </para>
/// <para>Not thread-safe: feed it from one consumer (an outbox handler, a change feed), or lock around it.</para>
/// </remarks>
public sealed class SalesDashboardProjection
{
    private readonly int[] _orders;
    private readonly int[] _cancelled;
    private readonly long[] _byStatus = new long[NewOrdersCalculator.StatusCount];
    private readonly ConversionCalculator.Tallies _leads = new();
    private readonly Dictionary<SegmentCurrency, int> _revenueIndex = [];
    private readonly List<SegmentCurrency> _revenueKeys = [];
    private readonly List<long> _revenueMinorUnits = [];
    private readonly BucketLookup _lookup;
    private long _lastEventTicks = long.MinValue;

    /// <summary>Creates an empty projection of <paramref name="period"/>.</summary>
    /// <param name="period">The period, buckets and time zone the dashboard reports.</param>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    public SalesDashboardProjection(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        Period = period;
        _orders = new int[period.Buckets.Count];
        _cancelled = new int[_orders.Length];
        _lookup = period.Lookup;
    }

    /// <summary>The period the projection reports.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>The latest instant carried by an applied event, or <see langword="null"/> before the first one.</summary>
    public DateTimeOffset? LastEventAt => _lastEventTicks == long.MinValue ? null : new DateTimeOffset(_lastEventTicks, TimeSpan.Zero);

    /// <summary>An order was submitted: counts it in its submission bucket with its status (usually <see cref="OrderStatus.Submitted"/>).</summary>
    /// <param name="order">The order as submitted.</param>
    /// <exception cref="InvalidInputException">The status is not a defined <see cref="OrderStatus"/>.</exception>
    public void OrderSubmitted(in OrderFact order)
    {
        var status = StatusIndex(order.Status);
        var ticks = Seen(order.SubmittedAt);
        var bucket = _lookup.IndexOf(ticks);
        if (bucket < 0)
        {
            return;
        }

        _orders[bucket]++;
        _byStatus[status]++;
        _cancelled[bucket] += order.Status == OrderStatus.Cancelled ? 1 : 0;
    }

    /// <summary>An order changed status (confirmed, shipped, cancelled…): moves it from <paramref name="previous"/> to its new status.</summary>
    /// <param name="order">The order after the change: its submission time and new <see cref="OrderFact.Status"/>.</param>
    /// <param name="previous">The status it had before the change.</param>
    /// <param name="changedAt">When the change happened.</param>
    /// <exception cref="InvalidInputException">A status is not a defined <see cref="OrderStatus"/>.</exception>
    public void OrderStatusChanged(in OrderFact order, OrderStatus previous, DateTimeOffset changedAt)
    {
        var status = StatusIndex(order.Status);
        var before = StatusIndex(previous);
        Seen(changedAt);
        var bucket = _lookup.IndexOf(order.SubmittedAt.UtcTicks);
        if (bucket < 0)
        {
            return;
        }

        _byStatus[before]--;
        _byStatus[status]++;
        _cancelled[bucket] += (order.Status == OrderStatus.Cancelled ? 1 : 0) - (previous == OrderStatus.Cancelled ? 1 : 0);
    }

    /// <summary>A lead was created: adds it, open, to the cohort when it was created in the period.</summary>
    /// <param name="lead">The new lead.</param>
    public void LeadCreated(in LeadFact lead)
    {
        if (_lookup.IndexOf(Seen(lead.CreatedAt)) >= 0)
        {
            _leads.Add(lead, outcome: 0);
        }
    }

    /// <summary>A lead was won: moves it from open (or from lost, when <see cref="LeadFact.LostAt"/> shows an earlier loss) to won.</summary>
    /// <param name="lead">The lead after the change, with <see cref="LeadFact.WonAt"/> set and <see cref="LeadFact.LostAt"/> set only if it was lost before.</param>
    /// <exception cref="InvalidInputException"><see cref="LeadFact.WonAt"/> is <see langword="null"/>.</exception>
    public void LeadWon(in LeadFact lead)
    {
        var wonAt = lead.WonAt ?? throw new InvalidInputException(ErrorCodes.Input.Required, "A won lead must carry its WonAt.", nameof(lead));
        Seen(wonAt);
        if (_lookup.IndexOf(lead.CreatedAt.UtcTicks) >= 0)
        {
            _leads.Add(lead, lead.LostAt is null ? 0 : 2, sign: -1);
            _leads.Add(lead, outcome: 1);
        }
    }

    /// <summary>A lead was lost: moves it from open to lost, unless <see cref="LeadFact.WonAt"/> shows it was already won (a won lead stays won).</summary>
    /// <param name="lead">The lead after the change, with <see cref="LeadFact.LostAt"/> set and <see cref="LeadFact.WonAt"/> set only if it was won before.</param>
    /// <exception cref="InvalidInputException"><see cref="LeadFact.LostAt"/> is <see langword="null"/>.</exception>
    public void LeadLost(in LeadFact lead)
    {
        var lostAt = lead.LostAt ?? throw new InvalidInputException(ErrorCodes.Input.Required, "A lost lead must carry its LostAt.", nameof(lead));
        Seen(lostAt);
        if (_lookup.IndexOf(lead.CreatedAt.UtcTicks) >= 0 && lead.WonAt is null)
        {
            _leads.Add(lead, outcome: 0, sign: -1);
            _leads.Add(lead, outcome: 2);
        }
    }

    /// <summary>An invoice line (positive) or credit-note line (negative) was issued: adds its net amount to its segment and currency.</summary>
    /// <param name="line">The line.</param>
    /// <exception cref="InvalidInputException">The line has <c>default</c> <see cref="ProductSegment"/>.</exception>
    /// <exception cref="OverflowException">The running sum no longer fits a <see cref="long"/> of minor units.</exception>
    public void RevenueIssued(in RevenueFact line)
    {
        if (line.Segment.Code is null)
        {
            throw new InvalidInputException(ErrorCodes.Input.Required, "A revenue fact has no product segment (default(ProductSegment)); every invoice line must carry its product's segment.", nameof(line));
        }

        if (_lookup.IndexOf(Seen(line.IssuedAt)) < 0)
        {
            return;
        }

        var key = new SegmentCurrency(line.Segment, line.Net.Currency);
        if (!_revenueIndex.TryGetValue(key, out var index))
        {
            _revenueIndex.Add(key, index = _revenueKeys.Count);
            _revenueKeys.Add(key);
            _revenueMinorUnits.Add(0);
        }

        _revenueMinorUnits[index] = checked(_revenueMinorUnits[index] + line.Net.MinorUnits);
    }

    /// <summary>Reads the dashboard from the running counts, in O(buckets + groups), without touching any fact.</summary>
    /// <param name="asOf">The as-of time the report states; it must not be before <see cref="LastEventAt"/>, since every applied event counts.</param>
    /// <returns>The dashboard, equal to <see cref="SalesDashboard"/>'s over the same facts at <paramref name="asOf"/>.</returns>
    /// <exception cref="InvalidInputException"><paramref name="asOf"/> is before <see cref="LastEventAt"/>.</exception>
    public SalesDashboardReport ToReport(DateTimeOffset asOf)
    {
        if (asOf.UtcTicks < _lastEventTicks)
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"The projection has applied events up to {LastEventAt:O}; it cannot report as of an earlier time.", nameof(asOf));
        }

        var amounts = new decimal[_revenueKeys.Count];
        for (var i = 0; i < amounts.Length; i++)
        {
            amounts[i] = Money.FromMinorUnits(_revenueMinorUnits[i], _revenueKeys[i].Currency).Amount;
        }

        return new SalesDashboardReport(
            Period,
            asOf,
            NewOrdersCalculator.ToReport(Period, _orders, _cancelled, _byStatus),
            _leads.ToReport(Period, asOf),
            RevenueBySegmentCalculator.BuildReport(Period, _revenueKeys, amounts));
    }

    private int StatusIndex(OrderStatus status) =>
        (uint)status < (uint)_byStatus.Length ? (int)status : throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"{(int)status} is not an order status.", nameof(status));

    private long Seen(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        _lastEventTicks = Math.Max(_lastEventTicks, ticks);
        return ticks;
    }
}
