namespace EcoDrive.Crm.Orders;

/// <summary>
/// The CRM's view of a sales order: what the salesperson recorded, and its status as the ERP reports it. Reports
/// are applied in version order; a stale or repeated report changes nothing.
/// </summary>
public sealed class OrderView : AggregateRoot
{
    private readonly List<OrderStatusEntry> _history;

    private OrderView(OrderViewSnapshot snapshot)
    {
        Id = snapshot.Id;
        CustomerId = snapshot.CustomerId;
        SalespersonId = snapshot.SalespersonId;
        Lines = snapshot.Lines;
        PriceApproval = snapshot.PriceApproval;
        _history = [.. snapshot.History];
    }

    /// <summary>The order's id, shared with the ERP.</summary>
    public OrderId Id { get; }

    /// <summary>The customer who ordered.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The salesperson who recorded the order.</summary>
    public UserId SalespersonId { get; }

    /// <summary>What was ordered.</summary>
    public IReadOnlyList<OrderLine> Lines { get; }

    /// <summary>The approval of a discount beyond the salesperson's own limit, or <see langword="null"/> when none was needed.</summary>
    public PriceApproval? PriceApproval { get; }

    /// <summary>When the salesperson recorded the order.</summary>
    public DateTimeOffset SubmittedAt => _history[0].At;

    /// <summary>The latest status the CRM knows of.</summary>
    public OrderStatus Status => _history[^1].Status;

    /// <summary>The version of the latest status the CRM knows of.</summary>
    public long Version => _history[^1].Version;

    /// <summary>
    /// Whether the order counts as a purchase for segmentation (<c>last purchase before/after</c>): any order the
    /// ERP has not rejected and nobody cancelled.
    /// </summary>
    public bool IsPurchase => Status is not (OrderStatus.Rejected or OrderStatus.Cancelled);

    /// <summary>Every status the CRM learned, in version order.</summary>
    public IReadOnlyList<OrderStatusEntry> History => _history;

    /// <summary>Records a new order in the CRM, in status <see cref="OrderStatus.Submitted"/> (version 1).</summary>
    /// <param name="id">The order's id, which the ERP will use too.</param>
    /// <param name="customerId">The customer who ordered.</param>
    /// <param name="salesperson">The salesperson recording it.</param>
    /// <param name="lines">What was ordered; at least one line, all in one currency.</param>
    /// <param name="at">When.</param>
    /// <param name="priceApproval">The approval of a discount beyond the salesperson's own limit, when one was needed.</param>
    /// <exception cref="InvalidInputException">There is no line.</exception>
    /// <exception cref="CurrencyMismatchException">Lines are in different currencies.</exception>
    /// <exception cref="LimitExceededException"><c>order.limit-exceeded</c>: more than <see cref="Limits.MaxQuantity"/> units of a product, or a net total above <see cref="Limits.MaxAmount"/>.</exception>
    public static OrderView Record(
        OrderId id, CustomerId customerId, UserId salesperson, IEnumerable<OrderLine> lines, DateTimeOffset at, PriceApproval? priceApproval = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var orderLines = lines.ToArray();
        if (orderLines.Length == 0)
        {
            throw new InvalidInputException(ErrorCodes.Input.Required, "An order needs at least one line.", nameof(lines));
        }

        Limits.RequireOrderLimits(ErrorCodes.Order.LimitExceeded, id.ToString(), orderLines);
        return new OrderView(new OrderViewSnapshot(
            id, customerId, salesperson, orderLines, [new OrderStatusEntry(OrderStatus.Submitted, at, salesperson, null, 1)])
        {
            PriceApproval = priceApproval,
        });
    }

    /// <summary>Rebuilds a view from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static OrderView FromSnapshot(OrderViewSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new OrderView(snapshot);
    }

    /// <summary>The view's whole state as an immutable value. For storage adapters.</summary>
    public OrderViewSnapshot ToSnapshot() => new(Id, CustomerId, SalespersonId, Lines, [.. _history]) { PriceApproval = PriceApproval };

    /// <summary>When <paramref name="orders"/>' customer last purchased: the latest submission among those that count as a purchase.</summary>
    /// <param name="orders">Orders of one customer.</param>
    /// <returns>The time, or <see langword="null"/> when none counts as a purchase.</returns>
    public static DateTimeOffset? LastPurchaseAt(IEnumerable<OrderView> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders.Where(o => o.IsPurchase).Select(o => (DateTimeOffset?)o.SubmittedAt).Max();
    }

    /// <summary>Applies a status reported by the ERP, unless the CRM already knows that version or a later one.</summary>
    /// <param name="change">The reported change.</param>
    /// <returns><see langword="true"/> when applied; <see langword="false"/> when stale or repeated.</returns>
    public bool Apply(OrderStatusEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Version <= Version)
        {
            return false;
        }

        _history.Add(change);
        return true;
    }
}

/// <summary>The stored state of an <see cref="OrderView"/>.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="SalespersonId">The salesperson who recorded it.</param>
/// <param name="Lines">What was ordered.</param>
/// <param name="History">Statuses learned, in version order; the first is <see cref="OrderStatus.Submitted"/>.</param>
public sealed record OrderViewSnapshot(
    OrderId Id,
    CustomerId CustomerId,
    UserId SalespersonId,
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<OrderStatusEntry> History)
{
    /// <summary>The approval of a discount beyond the salesperson's own limit, or <see langword="null"/> when none was needed.</summary>
    public PriceApproval? PriceApproval { get; init; }

    /// <summary>The latest status the CRM knows of.</summary>
    public OrderStatus Status => History[^1].Status;

    /// <summary>The version of that status.</summary>
    public long Version => History[^1].Version;

    /// <summary>When the salesperson recorded the order.</summary>
    public DateTimeOffset SubmittedAt => History[0].At;
}
