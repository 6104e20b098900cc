using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Stock;

/// <summary>
/// The all-or-nothing reservation of an order's lines: either every line is reserved, or none is and the order
/// waits for stock.
/// </summary>
public sealed record StockAllocation
{
    private StockAllocation(OrderId orderId, bool isComplete, IReadOnlyList<ProductId> shortProducts)
    {
        OrderId = orderId;
        IsComplete = isComplete;
        ShortProducts = shortProducts;
    }

    /// <summary>The order.</summary>
    public OrderId OrderId { get; }

    /// <summary>Whether every line of the order is reserved.</summary>
    public bool IsComplete { get; }

    /// <summary>Products that lacked stock; empty when <see cref="IsComplete"/>.</summary>
    public IReadOnlyList<ProductId> ShortProducts { get; }

    /// <summary>
    /// A complete reservation that a previous system made for an order, reserving nothing in EcoDrive's stock: for
    /// replaying the history of an order imported from that system, whose stock moved there and then.
    /// </summary>
    /// <param name="orderId">The order.</param>
    public static StockAllocation Recorded(OrderId orderId) => new(orderId, true, []);

    /// <summary>
    /// Reserves every line of an order, or none: when a line does not fit, the lines already reserved by this call
    /// are released again.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="lines">The order's lines.</param>
    /// <param name="stock">The stock of every product of the lines.</param>
    /// <exception cref="EntityNotFoundException">A line's product has no stock item.</exception>
    public static StockAllocation Reserve(OrderId orderId, IReadOnlyList<OrderLine> lines, IReadOnlyDictionary<ProductId, StockItem> stock)
    {
        ArgumentNullException.ThrowIfNull(stock);
        var quantities = QuantitiesPerProduct(lines);
        foreach (var (productId, _) in quantities)
        {
            if (!stock.ContainsKey(productId))
            {
                throw new EntityNotFoundException(ErrorCodes.Stock.NotFound, productId.ToString());
            }
        }

        var reservedNow = new List<StockItem>();
        var shortProducts = new List<ProductId>();
        foreach (var (productId, quantity) in quantities)
        {
            var item = stock[productId];
            switch (item.Reserve(orderId, quantity))
            {
                case ReservationOutcome.Reserved:
                    reservedNow.Add(item);
                    break;
                case ReservationOutcome.Insufficient:
                    shortProducts.Add(productId);
                    break;
            }
        }

        if (shortProducts.Count > 0)
        {
            reservedNow.ForEach(item => item.Release(orderId));
        }

        return new StockAllocation(orderId, shortProducts.Count == 0, shortProducts);
    }

    /// <summary>
    /// Takes a submitted or backordered order: reserves every line and confirms it, or, when stock is short, puts it
    /// in the backorder queue of each of its products and backorders it (a backordered order simply keeps waiting).
    /// A submitted order that would take a product's backorders above <see cref="Limits.MaxStockQuantity"/> is
    /// rejected instead, with a reason starting <c>stock.limit-exceeded</c>, and nothing is queued.
    /// The ERP acts on its own: the status change has no actor.
    /// </summary>
    /// <param name="order">The order; <see cref="OrderStatus.Submitted"/> or <see cref="OrderStatus.Backordered"/>.</param>
    /// <param name="stock">The stock of every product of the order's lines; the caller stores them all.</param>
    /// <param name="at">When.</param>
    /// <returns>The reservation; complete when the order is now confirmed.</returns>
    /// <exception cref="InvalidTransitionException">The order is in another status; nothing changed.</exception>
    /// <exception cref="EntityNotFoundException">A line's product has no stock item.</exception>
    public static StockAllocation Allocate(Order order, IReadOnlyDictionary<ProductId, StockItem> stock, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status is not (OrderStatus.Submitted or OrderStatus.Backordered))
        {
            // Let the state machine refuse it, naming the status and the triggers it allows, before any stock moves.
            order.Confirm(new StockAllocation(order.Id, false, []), null, at);
        }

        var allocation = Reserve(order.Id, order.Lines, stock);
        if (allocation.IsComplete)
        {
            order.Confirm(allocation, null, at);
            return allocation;
        }

        var quantities = QuantitiesPerProduct(order.Lines);
        foreach (var (productId, quantity) in quantities)
        {
            if (!stock[productId].CanQueue(order.Id, quantity, out var queued) && order.Status == OrderStatus.Submitted)
            {
                // A queue past the stock limit could overflow its totals: the order is refused before anything is queued.
                order.Reject(
                    $"stock.limit-exceeded: orders waiting for product {productId} would wait for {queued:N0} units, above the maximum of {Limits.MaxStockQuantity:N0}",
                    null,
                    at);
                return allocation;
            }
        }

        foreach (var (productId, quantity) in quantities)
        {
            stock[productId].Backorder(order.Id, quantity, order.SubmittedAt);
        }

        if (order.Status == OrderStatus.Submitted)
        {
            order.Backorder(null, at);
        }

        return allocation;
    }

    /// <summary>
    /// Serves backordered orders after stock arrived (a receipt, an upward adjustment, a released reservation), first
    /// come first served by submission time: each order whose every line now fits is reserved and confirmed; an order
    /// that does not fit keeps waiting without holding back later, smaller orders. Orders that are no longer
    /// backordered are taken out of the queues.
    /// </summary>
    /// <param name="waiting">The orders in the backorder queues of the replenished products, in any order.</param>
    /// <param name="stock">The stock of every product of those orders' lines; the caller stores them all.</param>
    /// <param name="at">When.</param>
    /// <returns>The orders confirmed, in the order they were served.</returns>
    /// <exception cref="EntityNotFoundException">A line's product has no stock item.</exception>
    public static IReadOnlyList<Order> FillBackorders(IEnumerable<Order> waiting, IReadOnlyDictionary<ProductId, StockItem> stock, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(stock);
        var confirmed = new List<Order>();
        foreach (var order in waiting.DistinctBy(o => o.Id).OrderBy(o => new BackorderLine(o.Id, 1, o.SubmittedAt), BackorderLine.FirstComeFirst))
        {
            if (order.Status != OrderStatus.Backordered)
            {
                foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
                {
                    stock[productId].Unqueue(order.Id);
                }
            }
            else if (Allocate(order, stock, at).IsComplete)
            {
                confirmed.Add(order);
            }
        }

        return confirmed;
    }

    private static (ProductId ProductId, int Quantity)[] QuantitiesPerProduct(IReadOnlyList<OrderLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.GroupBy(l => l.ProductId).Select(g => (g.Key, (int)Math.Min(int.MaxValue, g.Sum(l => (long)l.Quantity))))];
    }
}
