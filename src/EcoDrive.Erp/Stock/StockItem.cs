namespace EcoDrive.Erp.Stock;

/// <summary>
/// The stock of one product: units on hand, units reserved for orders, what is available
/// (<c>on hand − reserved</c>), and the queue of backordered orders waiting for it. None of the quantities is ever
/// negative, reserved never exceeds on hand, and neither on hand nor backordered ever exceeds
/// <see cref="Limits.MaxStockQuantity"/> (<c>stock.limit-exceeded</c>), so no total can overflow.
/// </summary>
/// <remarks>
/// The backorder queue lives on the stock item so that an order put on hold and a receipt of the same product write
/// the same aggregate: under optimistic concurrency one of them sees the other, and no order is left waiting while
/// stock that fits it sits on the shelf.
/// </remarks>
public sealed class StockItem : AggregateRoot
{
    private readonly Dictionary<OrderId, int> _reservations;
    private readonly List<BackorderLine> _backorders;
    private readonly List<StockAdjustment> _adjustments;

    private StockItem(StockItemSnapshot snapshot)
    {
        ProductId = snapshot.ProductId;
        OnHand = snapshot.OnHand;
        _reservations = snapshot.Reservations.ToDictionary(r => r.OrderId, r => r.Quantity);
        _backorders = [.. snapshot.Backorders];
        _adjustments = [.. snapshot.Adjustments];
    }

    /// <summary>The product this stock is of.</summary>
    public ProductId ProductId { get; }

    /// <summary>Units physically in the warehouse.</summary>
    public int OnHand { get; private set; }

    /// <summary>Units promised to orders that have not shipped yet.</summary>
    public int Reserved => Total(_reservations.Values);

    /// <summary>Units that can still be promised: <see cref="OnHand"/> − <see cref="Reserved"/>.</summary>
    public int Available => OnHand - Reserved;

    /// <summary>Units reserved per order.</summary>
    public IReadOnlyDictionary<OrderId, int> Reservations => _reservations;

    /// <summary>Backordered orders waiting for this product, first come first: by submission time, then order id.</summary>
    public IReadOnlyList<BackorderLine> Backorders => _backorders;

    /// <summary>Units that backordered orders are waiting for.</summary>
    public int Backordered => Total(_backorders.Select(b => b.Quantity));

    /// <summary>Manual corrections of the stock on hand, oldest first, each with its reason.</summary>
    public IReadOnlyList<StockAdjustment> Adjustments => _adjustments;

    /// <summary>Opens the stock of a product with nothing on hand.</summary>
    /// <param name="productId">The product.</param>
    public static StockItem OpenFor(ProductId productId) => new(new StockItemSnapshot(productId, 0, [], [], []));

    /// <summary>Rebuilds a stock item from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static StockItem FromSnapshot(StockItemSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new StockItem(snapshot);
    }

    /// <summary>The stock's whole state as an immutable value. For storage adapters.</summary>
    public StockItemSnapshot ToSnapshot() =>
        new(ProductId, OnHand, [.. _reservations.Select(r => new StockReservationLine(r.Key, r.Value))], [.. _backorders], [.. _adjustments]);

    /// <summary>Adds received units to the stock on hand. Backordered orders are then served by the caller (<see cref="StockAllocation.FillBackorders"/>).</summary>
    /// <param name="quantity">Units received; 1 to <see cref="Limits.MaxQuantity"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive or above <see cref="Limits.MaxQuantity"/>.</exception>
    /// <exception cref="LimitExceededException"><c>stock.limit-exceeded</c>: the stock on hand would exceed <see cref="Limits.MaxStockQuantity"/>; nothing changed.</exception>
    public void Receive(int quantity)
    {
        Limits.RequireQuantity(quantity);
        OnHand = OnHandAfter(quantity);
    }

    /// <summary>
    /// Reserves <paramref name="quantity"/> units for <paramref name="orderId"/> when they are available, and takes
    /// the order out of the backorder queue. Reserving again for the same order changes nothing. A reservation that
    /// does not fit is an outcome to branch on (the order waits for stock), not an error.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="quantity">Units wanted; at least one.</param>
    /// <returns>What happened; nothing changes on <see cref="ReservationOutcome.Insufficient"/>.</returns>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive.</exception>
    public ReservationOutcome Reserve(OrderId orderId, int quantity)
    {
        InvalidInputException.ThrowIfNegativeOrZero(quantity);
        if (_reservations.ContainsKey(orderId))
        {
            return ReservationOutcome.AlreadyReserved;
        }

        if (quantity > Available)
        {
            return ReservationOutcome.Insufficient;
        }

        _reservations.Add(orderId, quantity);
        Unqueue(orderId);
        return ReservationOutcome.Reserved;
    }

    /// <summary>
    /// Puts an order that could not be reserved in the queue of orders waiting for this product, in submission
    /// order. Queuing an order that is already queued, or that holds a reservation, changes nothing.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="quantity">Units it waits for; at least one.</param>
    /// <param name="submittedAt">When the order was submitted: the queue is first come, first served.</param>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive.</exception>
    /// <exception cref="LimitExceededException"><c>stock.limit-exceeded</c>: the units waited for would exceed <see cref="Limits.MaxStockQuantity"/>; nothing changed.</exception>
    public void Backorder(OrderId orderId, int quantity, DateTimeOffset submittedAt)
    {
        InvalidInputException.ThrowIfNegativeOrZero(quantity);
        if (!CanQueue(orderId, quantity, out var queued))
        {
            throw new LimitExceededException(
                ErrorCodes.Stock.LimitExceeded,
                Limits.MaxStockQuantity,
                queued,
                $"Cannot queue order {orderId} for {quantity} units of product {ProductId}: backorders would wait for {queued:N0} units, above the maximum of {Limits.MaxStockQuantity:N0}. Receive stock first.");
        }

        if (_reservations.ContainsKey(orderId) || _backorders.Exists(b => b.OrderId == orderId))
        {
            return;
        }

        var line = new BackorderLine(orderId, quantity, submittedAt);
        var index = _backorders.FindIndex(b => BackorderLine.FirstComeFirst.Compare(line, b) < 0);
        _backorders.Insert(index < 0 ? _backorders.Count : index, line);
    }

    /// <summary>
    /// Releases the units reserved for <paramref name="orderId"/> and takes it out of the backorder queue (order
    /// cancelled); releasing nothing changes nothing.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The number of reserved units released.</returns>
    public int Release(OrderId orderId)
    {
        Unqueue(orderId);
        return _reservations.Remove(orderId, out var quantity) ? quantity : 0;
    }

    /// <summary>Takes <paramref name="orderId"/> out of the backorder queue, leaving any reservation it holds; taking out an order that is not queued changes nothing.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>Whether the order was queued.</returns>
    public bool Unqueue(OrderId orderId) => _backorders.RemoveAll(b => b.OrderId == orderId) > 0;

    /// <summary>Takes the units reserved for <paramref name="orderId"/> out of the stock (the order ships).</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The number of units consumed.</returns>
    /// <exception cref="DomainException"><c>stock.not-reserved</c>: nothing is reserved for the order.</exception>
    public int Consume(OrderId orderId)
    {
        if (!_reservations.Remove(orderId, out var quantity))
        {
            throw new DomainException(
                ErrorCodes.Stock.NotReserved,
                $"Cannot ship order {orderId} from the stock of product {ProductId}: nothing is reserved for it. Confirm the order (reserve its stock) first.");
        }

        OnHand -= quantity;
        return quantity;
    }

    /// <summary>
    /// Corrects the stock on hand after a count, damage or loss, keeping the reason. The stock on hand can never fall
    /// below what is reserved: release or ship those orders first.
    /// </summary>
    /// <param name="change">Units to add (positive) or remove (negative); not zero, at most <see cref="Limits.MaxQuantity"/> either way.</param>
    /// <param name="reason">Why (inventory count, damaged in transit…); required, one line of at most <see cref="Limits.MaxNameLength"/> characters.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidInputException"><paramref name="change"/> is zero or larger than <see cref="Limits.MaxQuantity"/> either way.</exception>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is blank, too long or holds a control character.</exception>
    /// <exception cref="StockBelowReservedException"><c>stock.below-reserved</c>: the stock on hand would fall below the units reserved.</exception>
    /// <exception cref="LimitExceededException"><c>stock.limit-exceeded</c>: the stock on hand would exceed <see cref="Limits.MaxStockQuantity"/>.</exception>
    public void Adjust(int change, string reason, DateTimeOffset at)
    {
        if (change == 0 || change < -Limits.MaxQuantity || change > Limits.MaxQuantity)
        {
            throw new InvalidInputException(
                ErrorCodes.Input.OutOfRange, $"An adjustment changes the stock by at least one unit and at most {Limits.MaxQuantity:N0}, either way.", nameof(change));
        }

        reason = FreeText.Require(reason);
        if ((long)OnHand + change < Reserved)
        {
            throw new StockBelowReservedException(ProductId, OnHand, Reserved, change);
        }

        OnHand = OnHandAfter(change);
        _adjustments.Add(new StockAdjustment(change, reason, at, OnHand));
    }

    /// <summary>Whether <paramref name="orderId"/> can be queued for <paramref name="quantity"/> units without passing <see cref="Limits.MaxStockQuantity"/>.</summary>
    internal bool CanQueue(OrderId orderId, int quantity, out long queued)
    {
        var already = _reservations.ContainsKey(orderId) || _backorders.Exists(b => b.OrderId == orderId);
        queued = _backorders.Sum(b => (long)b.Quantity) + (already ? 0 : quantity);
        return already || queued <= Limits.MaxStockQuantity;
    }

    private int OnHandAfter(int change)
    {
        var after = (long)OnHand + change;
        return after <= Limits.MaxStockQuantity
            ? (int)after
            : throw new LimitExceededException(
                ErrorCodes.Stock.LimitExceeded,
                Limits.MaxStockQuantity,
                after,
                $"Cannot add {change:N0} units to the stock of product {ProductId}: {OnHand:N0} on hand would become {after:N0}, above the maximum of {Limits.MaxStockQuantity:N0}. Ship or adjust stock first.");
    }

    // Totals of stored quantities saturate instead of overflowing, so reading a stock item never throws.
    private static int Total(IEnumerable<int> quantities) => (int)Math.Clamp(quantities.Sum(q => (long)q), int.MinValue, int.MaxValue);
}

/// <summary>What <see cref="StockItem.Reserve"/> did.</summary>
public enum ReservationOutcome
{
    /// <summary>The units are now reserved for the order.</summary>
    Reserved = 0,

    /// <summary>The order already had its reservation; nothing changed.</summary>
    AlreadyReserved = 1,

    /// <summary>Not enough units are available; nothing was reserved.</summary>
    Insufficient = 2,
}

/// <summary>Units reserved for one order, in a <see cref="StockItemSnapshot"/>.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Quantity">Units reserved.</param>
public sealed record StockReservationLine(OrderId OrderId, int Quantity);

/// <summary>A backordered order waiting for units of a product.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Quantity">Units it waits for.</param>
/// <param name="SubmittedAt">When the order was submitted; earlier orders are served first.</param>
public sealed record BackorderLine(OrderId OrderId, int Quantity, DateTimeOffset SubmittedAt)
{
    /// <summary>First come, first served: by submission time, then by order id so that the order is total.</summary>
    public static IComparer<BackorderLine> FirstComeFirst { get; } = Comparer<BackorderLine>.Create(
        (x, y) => x.SubmittedAt != y.SubmittedAt ? x.SubmittedAt.CompareTo(y.SubmittedAt) : x.OrderId.Value.CompareTo(y.OrderId.Value));
}

/// <summary>A manual correction of a product's stock on hand.</summary>
/// <param name="Change">Units added (positive) or removed (negative).</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="OnHandAfter">The stock on hand after the correction.</param>
public sealed record StockAdjustment(int Change, string Reason, DateTimeOffset At, int OnHandAfter);

/// <summary>The stored state of a <see cref="StockItem"/>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="OnHand">Units on hand.</param>
/// <param name="Reservations">Units reserved per order.</param>
/// <param name="Backorders">Orders waiting for the product, first come first.</param>
/// <param name="Adjustments">Manual corrections, oldest first.</param>
public sealed record StockItemSnapshot(
    ProductId ProductId,
    int OnHand,
    IReadOnlyList<StockReservationLine> Reservations,
    IReadOnlyList<BackorderLine> Backorders,
    IReadOnlyList<StockAdjustment> Adjustments);
