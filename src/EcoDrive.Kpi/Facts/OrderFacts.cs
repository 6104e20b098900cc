using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// Order facts stored by column for the fast path of <see cref="NewOrdersCalculator"/>: one array of UTC submission
/// ticks and one of status codes (<c>(byte)</c><see cref="OrderStatus"/>). Built once by an adapter with
/// <see cref="Builder"/> or <see cref="From"/>, then queried any number of times without allocation per row.
/// </summary>
/// <remarks>9 bytes per order. Records whether it is sorted by submission time. Immutable and thread-safe.</remarks>
public sealed class OrderFacts
{
    private readonly long[] _submittedAtUtcTicks;
    private readonly byte[] _statusCodes;

    private OrderFacts(long[] submittedAtUtcTicks, byte[] statusCodes, bool isSortedByTime)
    {
        _submittedAtUtcTicks = submittedAtUtcTicks;
        _statusCodes = statusCodes;
        IsSortedByTime = isSortedByTime;
    }

    /// <summary>How many orders the table holds.</summary>
    public int Count => _submittedAtUtcTicks.Length;

    /// <summary>The submission instant of each order, as UTC ticks.</summary>
    internal ReadOnlySpan<long> SubmittedAtUtcTicks => _submittedAtUtcTicks;

    /// <summary>The current status of each order, as <c>(byte)</c><see cref="OrderStatus"/>.</summary>
    internal ReadOnlySpan<byte> StatusCodes => _statusCodes;

    /// <summary>Whether <see cref="SubmittedAtUtcTicks"/> never decreases.</summary>
    internal bool IsSortedByTime { get; }

    /// <summary>Builds a table from record facts, in their order.</summary>
    /// <param name="orders">The orders.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="orders"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">An order's status is not a defined <see cref="OrderStatus"/>.</exception>
    public static OrderFacts From(IEnumerable<OrderFact> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var builder = new Builder(orders.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var order in orders)
        {
            builder.Add(order.SubmittedAt.UtcTicks, order.Status);
        }

        return builder.Build();
    }

    /// <summary>Appends orders one at a time, then builds an immutable <see cref="OrderFacts"/>. Not thread-safe.</summary>
    /// <param name="capacity">How many orders to reserve room for.</param>
    public sealed class Builder(int capacity = 0)
    {
        private readonly List<long> _ticks = new(capacity);
        private readonly List<byte> _statuses = new(capacity);
        private bool _sorted = true;

        /// <summary>Appends one order.</summary>
        /// <param name="submittedAtUtcTicks">The submission instant as UTC ticks.</param>
        /// <param name="status">The order's current status.</param>
        /// <exception cref="InvalidInputException"><paramref name="status"/> is not a defined <see cref="OrderStatus"/>.</exception>
        public void Add(long submittedAtUtcTicks, OrderStatus status)
        {
            if (!Enum.IsDefined(status))
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"{(int)status} is not an order status.", nameof(status));
            }

            _sorted &= _ticks.Count == 0 || submittedAtUtcTicks >= _ticks[^1];
            _ticks.Add(submittedAtUtcTicks);
            _statuses.Add((byte)status);
        }

        /// <summary>Builds the immutable table from the orders appended so far.</summary>
        /// <returns>The table.</returns>
        public OrderFacts Build() => new([.. _ticks], [.. _statuses], _sorted);
    }
}
