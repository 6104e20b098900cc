using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>The new orders of one bucket of a <see cref="NewOrdersReport"/>.</summary>
public sealed record NewOrdersBucket
{
    /// <summary>Creates the figures of one bucket.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="orders">Orders submitted in the bucket, whatever their status now; zero or more.</param>
    /// <param name="cancelled">How many of <paramref name="orders"/> are now cancelled; between zero and <paramref name="orders"/>.</param>
    /// <exception cref="InvalidInputException">A count is negative, or <paramref name="cancelled"/> exceeds <paramref name="orders"/>.</exception>
    public NewOrdersBucket(ReportingBucket bucket, int orders, int cancelled)
    {
        InvalidInputException.ThrowIfNegative(orders);
        InvalidInputException.ThrowIfNegative(cancelled);
        InvalidInputException.ThrowIfGreaterThan(cancelled, orders);
        Bucket = bucket;
        Orders = orders;
        Cancelled = cancelled;
    }

    /// <summary>The bucket.</summary>
    public ReportingBucket Bucket { get; }

    /// <summary>Orders submitted in the bucket, whatever their status now (cancelled ones included).</summary>
    public int Orders { get; }

    /// <summary>How many of <see cref="Orders"/> are now <see cref="EcoDrive.Core.OrderStatus.Cancelled"/>.</summary>
    public int Cancelled { get; }
}
