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
    /// Reserves every line of an order, or none: when a line does not fit, the lines already reserved by this call
    /// are released again.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="lines">The order's lines.</param>
    /// <param name="stock">The stock of every product of the lines.</param>
    /// <exception cref="EntityNotFoundException">A line's product has no stock item.</exception>
    public static StockAllocation Reserve(OrderId orderId, IReadOnlyList<OrderLine> lines, IReadOnlyDictionary<ProductId, StockItem> stock)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(stock);
        var quantities = lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity))).ToArray();
        foreach (var (productId, _) in quantities)
        {
            if (!stock.ContainsKey(productId))
            {
                throw new EntityNotFoundException("stock", productId.ToString());
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
}
