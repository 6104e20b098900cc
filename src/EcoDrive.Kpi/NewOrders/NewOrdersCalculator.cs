using System.Runtime.InteropServices;
using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>KPI 1: counts new orders per bucket of a <see cref="ReportingPeriod"/>. Pure and thread-safe.</summary>
public static class NewOrdersCalculator
{
    /// <summary>
    /// Counts, per bucket of <paramref name="period"/>, the orders whose <see cref="OrderFact.SubmittedAt"/> falls in it,
    /// whatever their later status, and separately those now <see cref="OrderStatus.Cancelled"/>. Orders submitted
    /// outside the period are ignored; buckets without orders are reported with zero.
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
        switch (orders)
        {
            case OrderFact[] array:
                Count(period, array, counts, cancelled);
                break;
            case List<OrderFact> list:
                Count(period, CollectionsMarshal.AsSpan(list), counts, cancelled);
                break;
            default:
                foreach (var order in orders)
                {
                    Count(period, order, counts, cancelled);
                }

                break;
        }

        var buckets = new NewOrdersBucket[counts.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new NewOrdersBucket(period.Buckets[i], counts[i], cancelled[i]);
        }

        return new NewOrdersReport(period, buckets);
    }

    private static void Count(ReportingPeriod period, ReadOnlySpan<OrderFact> orders, int[] counts, int[] cancelled)
    {
        foreach (ref readonly var order in orders)
        {
            Count(period, order, counts, cancelled);
        }
    }

    private static void Count(ReportingPeriod period, in OrderFact order, int[] counts, int[] cancelled)
    {
        var index = period.BucketIndexOfUtcTicks(order.SubmittedAt.UtcTicks);
        if (index < 0)
        {
            return;
        }

        counts[index]++;
        if (order.Status == OrderStatus.Cancelled)
        {
            cancelled[index]++;
        }
    }
}
