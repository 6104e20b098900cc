using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Purchasing;

/// <summary>
/// A purchase order of vehicles from a supplier. It is drafted (by hand, or proposed from the products under their
/// reorder point), placed, then received in one or several deliveries:
/// <c>Draft → Ordered → PartiallyReceived → Received</c>. Each receipt adds to the stock in the same unit of work.
/// </summary>
public sealed class PurchaseOrder : AggregateRoot
{
    private const string AddLineTrigger = "AddLine";
    private const string PlaceTrigger = "Place";
    private const string ReceiveTrigger = "Receive";

    private static readonly Dictionary<PurchaseOrderStatus, string[]> s_permitted = new()
    {
        [PurchaseOrderStatus.Draft] = [AddLineTrigger, PlaceTrigger],
        [PurchaseOrderStatus.Ordered] = [ReceiveTrigger],
        [PurchaseOrderStatus.PartiallyReceived] = [ReceiveTrigger],
        [PurchaseOrderStatus.Received] = [],
    };

    private readonly List<PurchaseOrderLine> _lines;
    private readonly List<PurchaseReceipt> _receipts;

    private PurchaseOrder(PurchaseOrderSnapshot snapshot)
    {
        Id = snapshot.Id;
        Supplier = snapshot.Supplier;
        Status = snapshot.Status;
        CreatedAt = snapshot.CreatedAt;
        OrderedAt = snapshot.OrderedAt;
        _lines = [.. snapshot.Lines];
        _receipts = [.. snapshot.Receipts];
    }

    /// <summary>Identity of the purchase order.</summary>
    public PurchaseOrderId Id { get; }

    /// <summary>The supplier's name.</summary>
    public string Supplier { get; }

    /// <summary>Where the order stands.</summary>
    public PurchaseOrderStatus Status { get; private set; }

    /// <summary>When it was drafted.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it was sent to the supplier; <see langword="null"/> while a draft.</summary>
    public DateTimeOffset? OrderedAt { get; private set; }

    /// <summary>One line per product: quantity ordered and received.</summary>
    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    /// <summary>Every delivery received, oldest first.</summary>
    public IReadOnlyList<PurchaseReceipt> Receipts => _receipts;

    /// <summary>Whether units are still expected from the supplier (placed, not fully received).</summary>
    public bool IsOpen => Status is PurchaseOrderStatus.Ordered or PurchaseOrderStatus.PartiallyReceived;

    /// <summary>Starts an empty draft.</summary>
    /// <param name="id">Identity of the purchase order.</param>
    /// <param name="supplier">The supplier's name.</param>
    /// <param name="createdAt">When.</param>
    /// <exception cref="InvalidInputException"><paramref name="supplier"/> is blank, longer than <see cref="Limits.MaxNameLength"/> or holds a control character.</exception>
    public static PurchaseOrder Draft(PurchaseOrderId id, string supplier, DateTimeOffset createdAt)
    {
        supplier = FreeText.Require(supplier);
        return new(new PurchaseOrderSnapshot(id, supplier, PurchaseOrderStatus.Draft, createdAt, null, [], []));
    }

    /// <summary>
    /// Proposes a draft that brings every product under its reorder point back to it: one line per such product,
    /// for its <see cref="StockLevel.Shortfall"/>, at most <see cref="Limits.MaxQuantity"/> units (a larger shortfall
    /// takes several purchase orders).
    /// </summary>
    /// <param name="id">Identity of the purchase order.</param>
    /// <param name="supplier">The supplier's name.</param>
    /// <param name="levels">The stock levels of the products to consider.</param>
    /// <param name="createdAt">When.</param>
    /// <returns>The draft, or <see langword="null"/> when no product is under its reorder point.</returns>
    /// <exception cref="InvalidInputException"><paramref name="supplier"/> is blank.</exception>
    public static PurchaseOrder? Propose(PurchaseOrderId id, string supplier, IEnumerable<StockLevel> levels, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var draft = Draft(id, supplier, createdAt);
        foreach (var level in levels.Where(l => l.IsUnderReorderPoint))
        {
            draft.AddLine(level.ProductId, Math.Min(level.Shortfall, Limits.MaxQuantity));
        }

        return draft.Lines.Count == 0 ? null : draft;
    }

    /// <summary>Rebuilds a purchase order from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static PurchaseOrder FromSnapshot(PurchaseOrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot);
    }

    /// <summary>The purchase order's whole state as an immutable value. For storage adapters.</summary>
    public PurchaseOrderSnapshot ToSnapshot() => new(Id, Supplier, Status, CreatedAt, OrderedAt, [.. _lines], [.. _receipts]);

    /// <summary>
    /// Adds units of a product to the draft; a product already on it gets its quantity increased, to at most
    /// <see cref="Limits.MaxQuantity"/> units per product.
    /// </summary>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units; 1 to <see cref="Limits.MaxQuantity"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive or above <see cref="Limits.MaxQuantity"/>.</exception>
    /// <exception cref="InvalidTransitionException"><c>purchase-order.invalid-transition</c>: the order is no longer a draft.</exception>
    /// <exception cref="LimitExceededException"><c>purchase-order.limit-exceeded</c>: the product's line would pass <see cref="Limits.MaxQuantity"/> units; nothing changed.</exception>
    public void AddLine(ProductId productId, int quantity)
    {
        Limits.RequireQuantity(quantity);
        Demand(AddLineTrigger);
        var index = _lines.FindIndex(l => l.ProductId == productId);
        if (index < 0)
        {
            _lines.Add(new PurchaseOrderLine(productId, quantity, 0));
            return;
        }

        var total = (long)_lines[index].Quantity + quantity;
        if (total > Limits.MaxQuantity)
        {
            throw new LimitExceededException(
                ErrorCodes.PurchaseOrder.LimitExceeded,
                Limits.MaxQuantity,
                total,
                $"Cannot add {quantity:N0} units of product {productId} to purchase order {Id}: its line would order {total:N0}, above the maximum of {Limits.MaxQuantity:N0} per product. Order the rest on another purchase order.");
        }

        _lines[index] = _lines[index] with { Quantity = (int)total };
    }

    /// <summary>Sends the draft to the supplier: <c>Draft → Ordered</c>.</summary>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException"><c>purchase-order.invalid-transition</c>: the order is not a draft.</exception>
    /// <exception cref="DomainException"><c>purchase-order.empty</c>: the draft has no line.</exception>
    public void Place(DateTimeOffset at)
    {
        Demand(PlaceTrigger);
        if (_lines.Count == 0)
        {
            throw new DomainException(ErrorCodes.PurchaseOrder.Empty, $"Cannot place purchase order {Id}: it has no line. Add the vehicles to order first.");
        }

        Status = PurchaseOrderStatus.Ordered;
        OrderedAt = at;
    }

    /// <summary>
    /// Records a delivery of <paramref name="quantity"/> units of a product: <c>Ordered | PartiallyReceived →
    /// PartiallyReceived | Received</c>. The caller adds them to the stock in the same unit of work.
    /// </summary>
    /// <param name="productId">The product delivered.</param>
    /// <param name="quantity">Units delivered; at least one, at most what is still expected for the product.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive.</exception>
    /// <exception cref="InvalidTransitionException"><c>purchase-order.invalid-transition</c>: the order is a draft or fully received.</exception>
    /// <exception cref="DomainException"><c>purchase-order.over-receipt</c>: more units than expected, or a product not on the order.</exception>
    public void Receive(ProductId productId, int quantity, DateTimeOffset at)
    {
        InvalidInputException.ThrowIfNegativeOrZero(quantity);
        Demand(ReceiveTrigger);
        var index = _lines.FindIndex(l => l.ProductId == productId);
        var outstanding = index < 0 ? 0 : _lines[index].Outstanding;
        if (quantity > outstanding)
        {
            throw new DomainException(
                ErrorCodes.PurchaseOrder.OverReceipt,
                index < 0
                    ? $"Cannot receive product {productId} on purchase order {Id}: it is not on the order. Receive it on its own purchase order, or as a stock receipt."
                    : $"Cannot receive {quantity} units of product {productId} on purchase order {Id}: only {outstanding} are still expected. Receive at most {outstanding}, and the rest as a stock receipt.");
        }

        _lines[index] = _lines[index] with { Received = _lines[index].Received + quantity };
        _receipts.Add(new PurchaseReceipt(productId, quantity, at));
        Status = _lines.TrueForAll(l => l.Outstanding == 0) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
    }

    private void Demand(string trigger)
    {
        var permitted = s_permitted[Status];
        if (!permitted.Contains(trigger))
        {
            throw new InvalidTransitionException(ErrorCodes.PurchaseOrder.InvalidTransition, Id.ToString(), Status.ToString(), trigger, permitted);
        }
    }
}

/// <summary>One product of a purchase order.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="Received">Units received so far.</param>
public sealed record PurchaseOrderLine(ProductId ProductId, int Quantity, int Received)
{
    /// <summary>Units still expected: <see cref="Quantity"/> − <see cref="Received"/>.</summary>
    public int Outstanding => Quantity - Received;
}

/// <summary>A delivery received on a purchase order.</summary>
/// <param name="ProductId">The product delivered.</param>
/// <param name="Quantity">Units delivered.</param>
/// <param name="At">When.</param>
public sealed record PurchaseReceipt(ProductId ProductId, int Quantity, DateTimeOffset At);

/// <summary>The stored state of a <see cref="PurchaseOrder"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Supplier">The supplier's name.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CreatedAt">When it was drafted.</param>
/// <param name="OrderedAt">When it was placed, if it was.</param>
/// <param name="Lines">One line per product.</param>
/// <param name="Receipts">Deliveries, oldest first.</param>
public sealed record PurchaseOrderSnapshot(
    PurchaseOrderId Id,
    string Supplier,
    PurchaseOrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OrderedAt,
    IReadOnlyList<PurchaseOrderLine> Lines,
    IReadOnlyList<PurchaseReceipt> Receipts);
