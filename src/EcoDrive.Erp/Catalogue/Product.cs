namespace EcoDrive.Erp.Catalogue;

/// <summary>A product of the catalogue: a vehicle model with its segment, list price, VAT rate and reorder point.</summary>
public sealed class Product : AggregateRoot
{
    private Product(ProductSnapshot snapshot)
    {
        Id = snapshot.Id;
        Name = snapshot.Name;
        Segment = snapshot.Segment;
        ListPrice = snapshot.ListPrice;
        VatRate = snapshot.VatRate;
        ReorderPoint = snapshot.ReorderPoint;
    }

    /// <summary>Identity of the product.</summary>
    public ProductId Id { get; }

    /// <summary>Model name, as printed on an invoice.</summary>
    public string Name { get; private set; }

    /// <summary>The product segment revenue is reported by.</summary>
    public ProductSegment Segment { get; }

    /// <summary>Catalogue price of one unit, VAT excluded.</summary>
    public Money ListPrice { get; private set; }

    /// <summary>VAT rate that applies to the product.</summary>
    public VatRate VatRate { get; }

    /// <summary>
    /// Stock position under which the product should be reordered (see <see cref="Stock.StockLevel"/>); zero means
    /// "reorder only to serve backorders".
    /// </summary>
    public int ReorderPoint { get; private set; }

    /// <summary>Creates a product.</summary>
    /// <param name="id">Identity of the product.</param>
    /// <param name="name">Model name; at most <see cref="Limits.MaxNameLength"/> characters, one line.</param>
    /// <param name="segment">Product segment.</param>
    /// <param name="listPrice">Price of one unit, VAT excluded; 0 to <see cref="Limits.MaxAmount"/>.</param>
    /// <param name="vatRate">VAT rate.</param>
    /// <param name="reorderPoint">Reorder point; 0 to <see cref="Limits.MaxStockQuantity"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="name"/> is blank, too long or holds a control character, or a number is out of its range.</exception>
    public static Product Create(ProductId id, string name, ProductSegment segment, Money listPrice, VatRate vatRate, int reorderPoint = 0)
    {
        name = FreeText.Require(name);
        RequireReorderPoint(reorderPoint);
        Limits.RequireAmount(listPrice);
        return new Product(new ProductSnapshot(id, name, segment, listPrice, vatRate, reorderPoint));
    }

    /// <summary>Rebuilds a product from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Product FromSnapshot(ProductSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Product(snapshot);
    }

    /// <summary>The product's whole state as an immutable value. For storage adapters.</summary>
    public ProductSnapshot ToSnapshot() => new(Id, Name, Segment, ListPrice, VatRate, ReorderPoint);

    /// <summary>Changes the catalogue price. Orders already submitted keep the price they were agreed at.</summary>
    /// <param name="listPrice">Price of one unit, VAT excluded; 0 to <see cref="Limits.MaxAmount"/>, in the current price's currency.</param>
    /// <exception cref="InvalidInputException"><paramref name="listPrice"/> is negative or above <see cref="Limits.MaxAmount"/>.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="listPrice"/> is in another currency.</exception>
    public void Reprice(Money listPrice)
    {
        Limits.RequireAmount(listPrice);
        if (listPrice.Currency != ListPrice.Currency)
        {
            throw new CurrencyMismatchException(ListPrice.Currency, listPrice.Currency);
        }

        ListPrice = listPrice;
    }

    /// <summary>Changes the reorder point.</summary>
    /// <param name="reorderPoint">The new reorder point; 0 to <see cref="Limits.MaxStockQuantity"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="reorderPoint"/> is negative or above <see cref="Limits.MaxStockQuantity"/>.</exception>
    public void ChangeReorderPoint(int reorderPoint) => ReorderPoint = RequireReorderPoint(reorderPoint);

    /// <summary>An order line for <paramref name="quantity"/> units at the list price.</summary>
    /// <param name="quantity">How many units; at least one.</param>
    public OrderLine LineFor(int quantity) => new(Id, quantity, ListPrice, VatRate);

    private static int RequireReorderPoint(int reorderPoint)
    {
        InvalidInputException.ThrowIfNegative(reorderPoint);
        InvalidInputException.ThrowIfGreaterThan(reorderPoint, Limits.MaxStockQuantity);
        return reorderPoint;
    }
}

/// <summary>The stored state of a <see cref="Product"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Name">Model name.</param>
/// <param name="Segment">Product segment.</param>
/// <param name="ListPrice">Price of one unit, VAT excluded.</param>
/// <param name="VatRate">VAT rate.</param>
/// <param name="ReorderPoint">Reorder point.</param>
public sealed record ProductSnapshot(ProductId Id, string Name, ProductSegment Segment, Money ListPrice, VatRate VatRate, int ReorderPoint);
