using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// KPI 1, new orders per period: for each bucket of <see cref="Period"/>, the orders submitted in it and how many of them
/// are now cancelled. Produced by <see cref="NewOrdersCalculator"/>.
/// </summary>
public sealed record NewOrdersReport
{
    /// <summary>Creates the report.</summary>
    /// <param name="period">The reporting period.</param>
    /// <param name="buckets">One entry per bucket of <paramref name="period"/>, in the same order.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="buckets"/> does not match <paramref name="period"/>'s buckets one to one.</exception>
    public NewOrdersReport(ReportingPeriod period, IReadOnlyList<NewOrdersBucket> buckets)
        : this(period, buckets, [])
    {
    }

    /// <summary>Creates the report with the period's orders counted by current status.</summary>
    /// <param name="period">The reporting period.</param>
    /// <param name="buckets">One entry per bucket of <paramref name="period"/>, in the same order.</param>
    /// <param name="byStatus">The period's orders by current status: every <see cref="OrderStatus"/> once, in enum order,
    /// summing to the total; or empty when not counted.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="buckets"/> does not match <paramref name="period"/>'s buckets one to one.</exception>
    public NewOrdersReport(ReportingPeriod period, IReadOnlyList<NewOrdersBucket> buckets, IReadOnlyList<OrderStatusCount> byStatus)
    {
        ArgumentNullException.ThrowIfNull(byStatus);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(buckets);
        if (buckets.Count != period.Buckets.Count)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Expected one entry per bucket of the period ({period.Buckets.Count}), got {buckets.Count}.", nameof(buckets));
        }

        var copy = new NewOrdersBucket[buckets.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = buckets[i] ?? throw new InvalidInputException(ErrorCodes.Input.Required, "A bucket entry is null.", nameof(buckets));
            if (copy[i].Bucket != period.Buckets[i])
            {
                throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Entry {i} is for bucket {copy[i].Bucket}, expected {period.Buckets[i]}.", nameof(buckets));
            }

            TotalOrders += copy[i].Orders;
            TotalCancelled += copy[i].Cancelled;
        }

        Period = period;
        Buckets = Array.AsReadOnly(copy);
        ByStatus = Array.AsReadOnly(byStatus.ToArray());
    }

    /// <summary>The reporting period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>One entry per bucket of <see cref="Period"/>, in chronological order; buckets without orders are present with zero.</summary>
    public IReadOnlyList<NewOrdersBucket> Buckets { get; }

    /// <summary>
    /// The period's orders by current status (order count by status): every <see cref="OrderStatus"/> once, in enum
    /// order, zero when none; empty only for a report built without it.
    /// </summary>
    public IReadOnlyList<OrderStatusCount> ByStatus { get; }

    /// <summary>Orders submitted in the whole period: the sum of <see cref="NewOrdersBucket.Orders"/>.</summary>
    public int TotalOrders { get; }

    /// <summary>How many of <see cref="TotalOrders"/> are now cancelled: the sum of <see cref="NewOrdersBucket.Cancelled"/>.</summary>
    public int TotalCancelled { get; }
}
