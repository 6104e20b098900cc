namespace EcoDrive.Crm.Offers;

/// <summary>One line of an offer: a product, a quantity, its unit price net of VAT, a discount and the VAT rate.</summary>
public sealed record OfferLine
{
    /// <summary>Creates an offer line.</summary>
    /// <param name="productId">The product offered.</param>
    /// <param name="model">The product's name as the customer reads it (<c>Volt X5 SUV</c>).</param>
    /// <param name="quantity">How many units; 1 to <see cref="Limits.MaxQuantity"/>.</param>
    /// <param name="unitPrice">Price of one unit before the discount, VAT excluded; 0 to <see cref="Limits.MaxAmount"/>.</param>
    /// <param name="vatRate">VAT rate of the line.</param>
    /// <param name="discount">Discount on each unit; <see cref="Discount.None"/> for none.</param>
    /// <exception cref="InvalidInputException"><paramref name="model"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    /// <exception cref="InvalidInputException">The quantity or the price is out of its range, or the discount exceeds the price.</exception>
    /// <exception cref="CurrencyMismatchException">A fixed discount is in another currency than the price.</exception>
    public OfferLine(ProductId productId, string model, int quantity, Money unitPrice, VatRate vatRate, Discount discount = default)
    {
        ProductId = productId;
        Model = FreeText.Require(model);
        Quantity = Limits.RequireQuantity(quantity);
        UnitPrice = Limits.RequireAmount(unitPrice);
        VatRate = vatRate;
        Discount = discount;
        NetUnitPrice = discount.ApplyTo(unitPrice);
    }

    /// <summary>The product offered.</summary>
    public ProductId ProductId { get; }

    /// <summary>The product's name as the customer reads it.</summary>
    public string Model { get; }

    /// <summary>How many units.</summary>
    public int Quantity { get; }

    /// <summary>Price of one unit before the discount, VAT excluded.</summary>
    public Money UnitPrice { get; }

    /// <summary>VAT rate of the line.</summary>
    public VatRate VatRate { get; }

    /// <summary>Discount on each unit.</summary>
    public Discount Discount { get; }

    /// <summary>Price of one unit after the discount, VAT excluded: the price agreed if the offer is accepted.</summary>
    public Money NetUnitPrice { get; }

    /// <summary>Net amount of the line: quantity × discounted unit price.</summary>
    public Money Net => NetUnitPrice * Quantity;

    /// <summary>What the discount takes off the line: quantity × (unit price − discounted unit price).</summary>
    public Money DiscountTotal => (UnitPrice - NetUnitPrice) * Quantity;

    /// <summary>The order line an accepted offer becomes: same product and quantity, at the discounted unit price.</summary>
    public OrderLine ToOrderLine() => new(ProductId, Quantity, NetUnitPrice, VatRate);
}
