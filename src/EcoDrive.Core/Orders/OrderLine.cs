namespace EcoDrive.Core;

/// <summary>One line of a sales order: a product, a quantity and its agreed unit price net of VAT.</summary>
public sealed record OrderLine
{
    /// <summary>Creates an order line.</summary>
    /// <param name="productId">The product ordered.</param>
    /// <param name="quantity">How many units; 1 to <see cref="Limits.MaxQuantity"/>.</param>
    /// <param name="unitPrice">Agreed price of one unit, VAT excluded; 0 to <see cref="Limits.MaxAmount"/>.</param>
    /// <param name="vatRate">VAT rate that applies to the line.</param>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> or <paramref name="unitPrice"/> is out of its range.</exception>
    public OrderLine(ProductId productId, int quantity, Money unitPrice, VatRate vatRate)
    {
        ProductId = productId;
        Quantity = Limits.RequireQuantity(quantity);
        UnitPrice = Limits.RequireAmount(unitPrice);
        VatRate = vatRate;
    }

    /// <summary>The product ordered.</summary>
    public ProductId ProductId { get; }

    /// <summary>How many units.</summary>
    public int Quantity { get; }

    /// <summary>Price of one unit, VAT excluded.</summary>
    public Money UnitPrice { get; }

    /// <summary>VAT rate of the line.</summary>
    public VatRate VatRate { get; }

    /// <summary>Net amount of the line: quantity × unit price.</summary>
    public Money Net => UnitPrice * Quantity;
}
