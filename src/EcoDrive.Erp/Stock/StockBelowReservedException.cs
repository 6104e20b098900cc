namespace EcoDrive.Erp.Stock;

/// <summary>
/// A stock adjustment would leave fewer units on hand than are reserved for orders. Code: <c>stock.below-reserved</c>.
/// Nothing changed; release or ship the orders first, or adjust by less.
/// </summary>
public sealed class StockBelowReservedException : DomainException
{
    /// <summary>Creates the error for an adjustment of <paramref name="change"/> units refused on <paramref name="productId"/>.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="onHand">Units on hand before the adjustment.</param>
    /// <param name="reserved">Units reserved.</param>
    /// <param name="change">The refused change.</param>
    public StockBelowReservedException(ProductId productId, int onHand, int reserved, int change)
        : base(
            ErrorCodes.Stock.BelowReserved,
            $"Cannot adjust the stock of product {productId} by {change}: {onHand} on hand would become {onHand + change}, below the {reserved} reserved for orders. Adjust by at least {reserved - onHand}, or release or ship the orders first.")
    {
        ProductId = productId;
        OnHand = onHand;
        Reserved = reserved;
        Change = change;
    }

    /// <summary>The product.</summary>
    public ProductId ProductId { get; }

    /// <summary>Units on hand, unchanged.</summary>
    public int OnHand { get; }

    /// <summary>Units reserved for orders.</summary>
    public int Reserved { get; }

    /// <summary>The change that was refused.</summary>
    public int Change { get; }
}
