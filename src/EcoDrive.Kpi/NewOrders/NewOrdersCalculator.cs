using System.Runtime.InteropServices;
using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>KPI 1: counts new orders per bucket of a <see cref="ReportingPeriod"/>. Pure and thread-safe.</summary>
public static class NewOrdersCalculator
{
    internal static readonly int StatusCount = Enum.GetValues<OrderStatus>().Length;

    /// <summary>
    /// Counts, per bucket of <paramref name="period"/>, the orders whose <see cref="OrderFact.SubmittedAt"/> falls in it,
    /// whatever their later status, and separately those now <see cref="OrderStatus.Cancelled"/>; and the period's
    /// orders by current status. Orders submitted outside the period are ignored; buckets without orders are reported
    /// with zero.
    /// </summary>
    /// <param name="period">The reporting period and its buckets.</param>
    /// <param name="orders">The order facts, in any order.</param>
    /// <returns>The report, with one entry per bucket.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static NewOrdersReport Compute(ReportingPeriod period, IEnumerable<OrderFact> orders)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(orders);

        var counts = new int[period.Buckets.Count];
        var cancelled = new int[counts.Length];
        var byStatus = new long[StatusCount];
        switch (orders)
        {
            case OrderFact[] array:
                Count(period, array, counts, cancelled, byStatus);
                break;
            case List<OrderFact> list:
                Count(period, CollectionsMarshal.AsSpan(list), counts, cancelled, byStatus);
                break;
            default:
                foreach (var order in orders)
                {
                    Count(period, order, counts, cancelled, byStatus);
                }

                break;
        }

        return ToReport(period, counts, cancelled, byStatus);
    }

    /// <summary>
    /// The fast path of <see cref="Compute(ReportingPeriod, IEnumerable{OrderFact})"/> over a columnar table, with the same
    /// result. A table sorted by time finds each bucket's rows by binary search of its boundary in the ticks (no per-row
    /// time test at all) and counts statuses with vector instructions; an unsorted one finds each order's bucket in O(1)
    /// from the period's precomputed UTC boundaries. No time-zone conversion and no allocation per order; only the
    /// report (one object per bucket) is allocated.
    /// </summary>
    /// <param name="period">The reporting period and its buckets.</param>
    /// <param name="orders">The orders.</param>
    /// <returns>The report, with one entry per bucket.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static NewOrdersReport Compute(ReportingPeriod period, OrderFacts orders)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(orders);

        var counts = new int[period.Buckets.Count];
        var cancelled = new int[counts.Length];
        Span<long> byStatus = stackalloc long[StatusCount];
        var ticks = orders.SubmittedAtUtcTicks;
        var statuses = orders.StatusCodes;
        if (orders.IsSortedByTime)
        {
            var boundaries = period.BoundaryTicks;
            var first = ColumnKernels.LowerBound(ticks, boundaries[0]);
            var low = first;
            for (var bucket = 0; bucket < counts.Length; bucket++)
            {
                var high = low + ColumnKernels.LowerBound(ticks[low..], boundaries[bucket + 1]);
                counts[bucket] = high - low;
                cancelled[bucket] = statuses[low..high].Count((byte)OrderStatus.Cancelled);
                low = high;
            }

            ColumnKernels.CountCodes(statuses[first..low], byStatus);
        }
        else
        {
            var lookup = period.Lookup;
            for (var i = 0; i < ticks.Length; i++)
            {
                var bucket = lookup.IndexOf(ticks[i]);
                if (bucket >= 0)
                {
                    var status = statuses[i];
                    counts[bucket]++;
                    cancelled[bucket] += status == (byte)OrderStatus.Cancelled ? 1 : 0;
                    byStatus[status]++;
                }
            }
        }

        return ToReport(period, counts, cancelled, byStatus);
    }

    /// <summary>
    /// The report from counts aggregated elsewhere, usually in the database by an <see cref="IKpiAggregateSource"/>:
    /// the same report as <see cref="Compute(ReportingPeriod, IEnumerable{OrderFact})"/> over the counted orders. Rows
    /// of the same bucket and status are added up.
    /// </summary>
    /// <param name="period">The reporting period whose buckets the rows' indexes refer to.</param>
    /// <param name="counts">Orders per bucket and current status, in any order.</param>
    /// <returns>The report, with one entry per bucket (zero where no row names it).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A row names a bucket the period does not have or an undefined status, or has a negative count; nothing is reported.</exception>
    /// <exception cref="OverflowException">A bucket or status totals more than <see cref="int.MaxValue"/> orders.</exception>
    public static NewOrdersReport FromCounts(ReportingPeriod period, IEnumerable<OrderCount> counts)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(counts);

        var perBucket = new int[period.Buckets.Count];
        var cancelled = new int[perBucket.Length];
        var byStatus = new long[StatusCount];
        foreach (var row in counts)
        {
            if ((uint)row.BucketIndex >= (uint)perBucket.Length)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"An order count names bucket {row.BucketIndex}, but the period {period} has buckets 0 to {perBucket.Length - 1}.", nameof(counts));
            }

            if ((uint)row.Status >= (uint)StatusCount)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"An order count names status {(int)row.Status}, which is not an order status.", nameof(counts));
            }

            if (row.Orders < 0)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"The count of {row.Status} orders in bucket {row.BucketIndex} is negative ({row.Orders}).", nameof(counts));
            }

            var orders = checked((int)row.Orders);
            perBucket[row.BucketIndex] = checked(perBucket[row.BucketIndex] + orders);
            if (row.Status == OrderStatus.Cancelled)
            {
                cancelled[row.BucketIndex] += orders;
            }

            byStatus[(int)row.Status] += orders;
        }

        return ToReport(period, perBucket, cancelled, byStatus);
    }

    /// <summary>Lays out the report from per-bucket counts and per-status counts (indexed by <c>(int)</c><see cref="OrderStatus"/>).</summary>
    internal static NewOrdersReport ToReport(ReportingPeriod period, ReadOnlySpan<int> counts, ReadOnlySpan<int> cancelled, ReadOnlySpan<long> byStatus)
    {
        var buckets = new NewOrdersBucket[counts.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new NewOrdersBucket(period.Buckets[i], counts[i], cancelled[i]);
        }

        var statuses = new OrderStatusCount[byStatus.Length];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = new OrderStatusCount((OrderStatus)i, checked((int)byStatus[i]));
        }

        return new NewOrdersReport(period, buckets, statuses);
    }

    private static void Count(ReportingPeriod period, ReadOnlySpan<OrderFact> orders, int[] counts, int[] cancelled, long[] byStatus)
    {
        foreach (ref readonly var order in orders)
        {
            Count(period, order, counts, cancelled, byStatus);
        }
    }

    private static void Count(ReportingPeriod period, in OrderFact order, int[] counts, int[] cancelled, long[] byStatus)
    {
        var index = period.BucketIndexOfUtcTicks(order.SubmittedAt.UtcTicks);
        if (index < 0)
        {
            return;
        }

        counts[index]++;
        byStatus[(int)order.Status]++;
        if (order.Status == OrderStatus.Cancelled)
        {
            cancelled[index]++;
        }
    }
}
