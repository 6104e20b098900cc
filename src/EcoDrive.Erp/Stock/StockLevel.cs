using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Erp.Stock;

/// <summary>
/// Where a product's stock stands for replenishment: what is on hand, promised, awaited by backorders and already
/// ordered from suppliers. The product needs reordering when its <see cref="Position"/> is under its reorder point.
/// </summary>
/// <param name="ProductId">The product.</param>
/// <param name="ProductName">The product's name.</param>
/// <param name="Segment">The product's segment.</param>
/// <param name="OnHand">Units in the warehouse.</param>
/// <param name="Reserved">Units reserved for confirmed orders.</param>
/// <param name="Backordered">Units that backordered orders wait for.</param>
/// <param name="OnOrder">Units ordered from suppliers and not received yet.</param>
/// <param name="ReorderPoint">The product's reorder point.</param>
public sealed record StockLevel(
    ProductId ProductId, string ProductName, ProductSegment Segment, int OnHand, int Reserved, int Backordered, int OnOrder, int ReorderPoint)
{
    /// <summary>Units that can still be promised: <see cref="OnHand"/> − <see cref="Reserved"/>.</summary>
    public int Available => OnHand - Reserved;

    /// <summary>The stock position: available + on order − backordered; negative when backorders exceed what is coming.</summary>
    public int Position => Available + OnOrder - Backordered;

    /// <summary>Whether the product should be reordered: its <see cref="Position"/> is under its <see cref="ReorderPoint"/>.</summary>
    public bool IsUnderReorderPoint => Position < ReorderPoint;

    /// <summary>Units to order to bring the position back to the reorder point; zero when it is not under it.</summary>
    public int Shortfall => Math.Max(0, ReorderPoint - Position);

    /// <summary>The level of a product from its catalogue entry, its stock and what is on order.</summary>
    /// <param name="product">The product.</param>
    /// <param name="stock">Its stock.</param>
    /// <param name="onOrder">Units on open purchase orders; zero or more.</param>
    /// <exception cref="InvalidInputException">The stock is of another product.</exception>
    public static StockLevel Of(Product product, StockItem stock, int onOrder)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(stock);
        InvalidInputException.ThrowIfNegative(onOrder);
        if (stock.ProductId != product.Id)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"The stock is of product {stock.ProductId}, not {product.Id}.", nameof(stock));
        }

        return new(product.Id, product.Name, product.Segment, stock.OnHand, stock.Reserved, stock.Backordered, onOrder, product.ReorderPoint);
    }
}
