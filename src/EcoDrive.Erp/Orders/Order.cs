using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Orders;

/// <summary>
/// A sales order in the ERP. It moves through <see cref="OrderStatus"/> by its <see cref="OrderStateMachine"/> only;
/// every change is kept in <see cref="History"/> with its time, actor and reason, bumps <see cref="Version"/> and
/// raises <see cref="OrderTransitioned"/> so the CRM learns of it.
/// </summary>
public sealed class Order : AggregateRoot
{
    // Configuring a Stateless machine costs about 100 allocations and 10 µs, which every order read from storage
    // (and every order of an import, by the million) would pay: each thread keeps one machine, pointed at the order
    // being moved before each trigger. Triggers run synchronously and never move another order meanwhile.
    [ThreadStatic]
    private static SharedMachine? t_machine;

    private readonly List<OrderStatusEntry> _history;

    private Order(OrderSnapshot snapshot)
    {
        Id = snapshot.Id;
        CustomerId = snapshot.CustomerId;
        SalespersonId = snapshot.SalespersonId;
        Lines = snapshot.Lines;
        Status = snapshot.Status;
        InvoiceId = snapshot.InvoiceId;
        _history = [.. snapshot.History];
    }

    /// <summary>The order's id, shared with the CRM.</summary>
    public OrderId Id { get; }

    /// <summary>The customer who ordered.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The salesperson who recorded it in the CRM.</summary>
    public UserId SalespersonId { get; }

    /// <summary>What was ordered.</summary>
    public IReadOnlyList<OrderLine> Lines { get; }

    /// <summary>Current status.</summary>
    public OrderStatus Status { get; private set; }

    /// <summary>The invoice issued for the order, once <see cref="OrderStatus.Invoiced"/>.</summary>
    public InvoiceId? InvoiceId { get; private set; }

    /// <summary>Version of the order: 1 when submitted, one more per status change.</summary>
    public long Version => _history[^1].Version;

    /// <summary>When the salesperson submitted the order.</summary>
    public DateTimeOffset SubmittedAt => _history[0].At;

    /// <summary>Every status change, oldest first.</summary>
    public IReadOnlyList<OrderStatusEntry> History => _history;

    /// <summary>Net total of the lines, VAT excluded.</summary>
    public Money NetTotal => Money.Sum(Lines.Select(l => l.Net), Lines[0].UnitPrice.Currency);

    /// <summary>Registers in the ERP an order submitted in the CRM, in status <see cref="OrderStatus.Submitted"/> (version 1).</summary>
    /// <param name="id">The order's id, as the CRM gave it.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="salespersonId">The salesperson who recorded it.</param>
    /// <param name="lines">What was ordered; at least one line, all in one currency.</param>
    /// <param name="submittedAt">When it was submitted in the CRM.</param>
    /// <exception cref="InvalidInputException">There is no line.</exception>
    /// <exception cref="CurrencyMismatchException">Lines are in different currencies.</exception>
    /// <exception cref="LimitExceededException"><c>order.limit-exceeded</c>: more than <see cref="Limits.MaxQuantity"/> units of a product, or a net total above <see cref="Limits.MaxAmount"/>.</exception>
    public static Order Submit(OrderId id, CustomerId customerId, UserId salespersonId, IEnumerable<OrderLine> lines, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var orderLines = lines.ToArray();
        if (orderLines.Length == 0)
        {
            throw new InvalidInputException(ErrorCodes.Input.Required, "An order needs at least one line.", nameof(lines));
        }

        var order = new Order(new OrderSnapshot(
            id, customerId, salespersonId, orderLines, OrderStatus.Submitted, null,
            [new OrderStatusEntry(OrderStatus.Submitted, submittedAt, salespersonId, null, 1)]));
        Limits.RequireOrderLimits(ErrorCodes.Order.LimitExceeded, id.ToString(), orderLines);
        return order;
    }

    /// <summary>Rebuilds an order from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Order FromSnapshot(OrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Order(snapshot);
    }

    /// <summary>The order's whole state as an immutable value. For storage adapters.</summary>
    public OrderSnapshot ToSnapshot() => new(Id, CustomerId, SalespersonId, Lines, Status, InvoiceId, [.. _history]);

    /// <summary>The triggers the current status allows (whatever their guards).</summary>
    public IReadOnlyList<string> PermittedTriggers => Machine.PermittedFrom(Status);

    /// <summary>Confirms the order once its stock is reserved: <c>Submitted | Backordered → Confirmed</c>.</summary>
    /// <param name="allocation">The reservation of the order's lines; must be complete.</param>
    /// <param name="actor">Who; <see langword="null"/> for the system.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it, or the allocation is not complete.</exception>
    public void Confirm(StockAllocation allocation, UserId? actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (allocation.OrderId != Id)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"The allocation is for order {allocation.OrderId}, not {Id}.", nameof(allocation));
        }

        Machine.Confirm(allocation, new OrderTransition(actor, at));
    }

    /// <summary>Puts the order on hold until stock arrives: <c>Submitted → Backordered</c>.</summary>
    /// <param name="actor">Who; <see langword="null"/> for the system.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it.</exception>
    public void Backorder(UserId? actor, DateTimeOffset at) => Machine.Fire(OrderTrigger.Backorder, new OrderTransition(actor, at, "waiting for stock"));

    /// <summary>Refuses the order: <c>Submitted | Backordered → Rejected</c>.</summary>
    /// <param name="reason">Why; required.</param>
    /// <param name="actor">Who; <see langword="null"/> for the system.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it.</exception>
    public void Reject(string reason, UserId? actor, DateTimeOffset at)
    {
        reason = FreeText.Require(reason);
        Machine.Fire(OrderTrigger.Reject, new OrderTransition(actor, at, reason));
    }

    /// <summary>Starts preparing the order in the warehouse: <c>Confirmed → InPreparation</c>.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it.</exception>
    public void StartPreparation(UserId actor, DateTimeOffset at) => Machine.Fire(OrderTrigger.StartPreparation, new OrderTransition(actor, at));

    /// <summary>
    /// Records that the order left the warehouse: <c>InPreparation → Shipped</c>. The caller consumes the reserved
    /// stock in the same unit of work.
    /// </summary>
    /// <param name="actor">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it.</exception>
    public void Ship(UserId actor, DateTimeOffset at) => Machine.Fire(OrderTrigger.Ship, new OrderTransition(actor, at));

    /// <summary>Records that the order's invoice was issued: <c>Shipped → Invoiced</c>.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="actor">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it.</exception>
    public void MarkInvoiced(InvoiceId invoiceId, UserId actor, DateTimeOffset at)
    {
        Machine.Invoice(invoiceId, new OrderTransition(actor, at));
        InvoiceId = invoiceId;
    }

    /// <summary>Records that the order's invoice is fully paid: <c>Invoiced → Paid</c>.</summary>
    /// <param name="balanceDue">What remains due on the invoice; must be zero.</param>
    /// <param name="actor">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The status does not allow it, or the balance is not zero.</exception>
    public void MarkPaid(Money balanceDue, UserId actor, DateTimeOffset at) => Machine.Pay(balanceDue, new OrderTransition(actor, at));

    /// <summary>
    /// Cancels the order before it ships: <c>Submitted | Backordered | Confirmed | InPreparation → Cancelled</c>.
    /// The caller releases the reservation in the same unit of work.
    /// </summary>
    /// <param name="reason">Why; required.</param>
    /// <param name="actor">Who.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The order has shipped or is closed.</exception>
    public void Cancel(string reason, UserId actor, DateTimeOffset at)
    {
        reason = FreeText.Require(reason);
        Machine.Fire(OrderTrigger.Cancel, new OrderTransition(actor, at, reason));
    }

    /// <summary>The thread's machine, pointed at this order.</summary>
    private OrderStateMachine Machine => (t_machine ??= new SharedMachine()).For(this);

    private void Record(OrderStatus status, OrderTransition transition)
    {
        var change = new OrderStatusEntry(status, transition.At, transition.Actor, transition.Reason, Version + 1);
        _history.Add(change);
        Raise(new OrderTransitioned(Id, change));
    }

    private sealed class SharedMachine
    {
        private OrderStateMachine? _machine;
        private Order _order = null!;

        public OrderStateMachine For(Order order)
        {
            // Stateless reads the state as it is configured: the order is set first.
            _order = order;
            return _machine ??= new OrderStateMachine(() => _order.Id.ToString(), () => _order.Status, s => _order.Status = s, (s, t) => _order.Record(s, t));
        }
    }
}

/// <summary>Domain event: an order's status changed in the ERP.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Change">The change, with the order's new version.</param>
public sealed record OrderTransitioned(OrderId OrderId, OrderStatusEntry Change) : IDomainEvent
{
    /// <inheritdoc />
    public DateTimeOffset OccurredAt => Change.At;
}

/// <summary>The stored state of an <see cref="Order"/>.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="SalespersonId">The salesperson.</param>
/// <param name="Lines">What was ordered.</param>
/// <param name="Status">Current status.</param>
/// <param name="InvoiceId">The invoice, once invoiced.</param>
/// <param name="History">Status changes, oldest first; the first is <see cref="OrderStatus.Submitted"/>.</param>
public sealed record OrderSnapshot(
    OrderId Id,
    CustomerId CustomerId,
    UserId SalespersonId,
    IReadOnlyList<OrderLine> Lines,
    OrderStatus Status,
    InvoiceId? InvoiceId,
    IReadOnlyList<OrderStatusEntry> History);
