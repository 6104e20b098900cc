namespace EcoDrive.Erp.Stock;

/// <summary>
/// The stock of one product: units on hand, units reserved for orders, and what is available
/// (<c>on hand − reserved</c>). None of them is ever negative and reserved never exceeds on hand.
/// </summary>
public sealed class StockItem : AggregateRoot
{
    private readonly Dictionary<OrderId, int> _reservations;

    private StockItem(StockItemSnapshot snapshot)
    {
        ProductId = snapshot.ProductId;
        OnHand = snapshot.OnHand;
        _reservations = snapshot.Reservations.ToDictionary(r => r.OrderId, r => r.Quantity);
    }

    /// <summary>The product this stock is of.</summary>
    public ProductId ProductId { get; }

    /// <summary>Units physically in the warehouse.</summary>
    public int OnHand { get; private set; }

    /// <summary>Units promised to orders that have not shipped yet.</summary>
    public int Reserved => _reservations.Values.Sum();

    /// <summary>Units that can still be promised: <see cref="OnHand"/> − <see cref="Reserved"/>.</summary>
    public int Available => OnHand - Reserved;

    /// <summary>Units reserved per order.</summary>
    public IReadOnlyDictionary<OrderId, int> Reservations => _reservations;

    /// <summary>Opens the stock of a product with nothing on hand.</summary>
    /// <param name="productId">The product.</param>
    public static StockItem OpenFor(ProductId productId) => new(new StockItemSnapshot(productId, 0, []));

    /// <summary>Rebuilds a stock item from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static StockItem FromSnapshot(StockItemSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new StockItem(snapshot);
    }

    /// <summary>The stock's whole state as an immutable value. For storage adapters.</summary>
    public StockItemSnapshot ToSnapshot() =>
        new(ProductId, OnHand, [.. _reservations.Select(r => new StockReservationLine(r.Key, r.Value))]);

    /// <summary>Adds received units to the stock on hand.</summary>
    /// <param name="quantity">Units received; at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not positive.</exception>
    public void Receive(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        OnHand += quantity;
    }

    /// <summary>
    /// Reserves <paramref name="quantity"/> units for <paramref name="orderId"/> when they are available. Reserving
    /// again for the same order changes nothing. A reservation that does not fit is an outcome to branch on (the
    /// order waits for stock), not an error.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="quantity">Units wanted; at least one.</param>
    /// <returns>What happened; nothing is reserved on <see cref="ReservationOutcome.Insufficient"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not positive.</exception>
    public ReservationOutcome Reserve(OrderId orderId, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (_reservations.ContainsKey(orderId))
        {
            return ReservationOutcome.AlreadyReserved;
        }

        if (quantity > Available)
        {
            return ReservationOutcome.Insufficient;
        }

        _reservations.Add(orderId, quantity);
        return ReservationOutcome.Reserved;
    }

    /// <summary>Releases the units reserved for <paramref name="orderId"/> (order cancelled); releasing nothing changes nothing.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The number of units released.</returns>
    public int Release(OrderId orderId) => _reservations.Remove(orderId, out var quantity) ? quantity : 0;

    /// <summary>Takes the units reserved for <paramref name="orderId"/> out of the stock (the order ships).</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The number of units consumed.</returns>
    /// <exception cref="DomainException"><c>stock.not-reserved</c>: nothing is reserved for the order.</exception>
    public int Consume(OrderId orderId)
    {
        if (!_reservations.Remove(orderId, out var quantity))
        {
            throw new DomainException(
                "stock.not-reserved",
                $"Cannot ship order {orderId} from the stock of product {ProductId}: nothing is reserved for it. Confirm the order (reserve its stock) first.");
        }

        OnHand -= quantity;
        return quantity;
    }
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

/// <summary>The stored state of a <see cref="StockItem"/>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="OnHand">Units on hand.</param>
/// <param name="Reservations">Units reserved per order.</param>
public sealed record StockItemSnapshot(ProductId ProductId, int OnHand, IReadOnlyList<StockReservationLine> Reservations);
