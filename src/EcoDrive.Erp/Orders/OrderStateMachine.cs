using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Stock;
using Stateless;
using Stateless.Graph;

namespace EcoDrive.Erp.Orders;

/// <summary>
/// The sales order's state machine, built with Stateless. The state lives on the <see cref="Order"/> (the machine
/// reads and writes it through accessors), guards carry descriptions, and a refused trigger becomes an
/// <see cref="InvalidTransitionException"/> naming the state, the trigger and the triggers allowed.
/// </summary>
public sealed class OrderStateMachine
{
    private readonly StateMachine<OrderStatus, OrderTrigger> _machine;
    private readonly StateMachine<OrderStatus, OrderTrigger>.TriggerWithParameters<StockAllocation, OrderTransition> _confirm;
    private readonly StateMachine<OrderStatus, OrderTrigger>.TriggerWithParameters<InvoiceId, OrderTransition> _invoice;
    private readonly StateMachine<OrderStatus, OrderTrigger>.TriggerWithParameters<Money, OrderTransition> _pay;
    private readonly Dictionary<OrderTrigger, StateMachine<OrderStatus, OrderTrigger>.TriggerWithParameters<OrderTransition>> _simple = [];
    private readonly Func<string> _orderId;

    /// <summary>Builds the machine over an order's state.</summary>
    /// <param name="orderId">The order's id, for error messages.</param>
    /// <param name="readState">Reads the order's current status.</param>
    /// <param name="writeState">Writes the order's new status.</param>
    /// <param name="onTransitioned">Called after each change with the new status and its context.</param>
    public OrderStateMachine(string orderId, Func<OrderStatus> readState, Action<OrderStatus> writeState, Action<OrderStatus, OrderTransition> onTransitioned)
        : this(() => orderId, readState, writeState, onTransitioned)
    {
    }

    /// <summary>Builds the machine over the state of whichever order <paramref name="orderId"/> names at each trigger (a machine shared by orders).</summary>
    internal OrderStateMachine(Func<string> orderId, Func<OrderStatus> readState, Action<OrderStatus> writeState, Action<OrderStatus, OrderTransition> onTransitioned)
    {
        ArgumentNullException.ThrowIfNull(onTransitioned);
        _orderId = orderId;
        _machine = new StateMachine<OrderStatus, OrderTrigger>(readState, writeState);
        _confirm = _machine.SetTriggerParameters<StockAllocation, OrderTransition>(OrderTrigger.Confirm);
        _invoice = _machine.SetTriggerParameters<InvoiceId, OrderTransition>(OrderTrigger.Invoice);
        _pay = _machine.SetTriggerParameters<Money, OrderTransition>(OrderTrigger.Pay);
        foreach (var trigger in new[] { OrderTrigger.Backorder, OrderTrigger.Reject, OrderTrigger.StartPreparation, OrderTrigger.Ship, OrderTrigger.Cancel })
        {
            _simple[trigger] = _machine.SetTriggerParameters<OrderTransition>(trigger);
        }

        const string StockReserved = "stock reserved for every line";
        const string InvoiceFullyPaid = "invoice fully paid";

        _machine.Configure(OrderStatus.Submitted)
            .PermitIf(_confirm, OrderStatus.Confirmed, (allocation, _) => allocation.IsComplete, StockReserved)
            .Permit(OrderTrigger.Backorder, OrderStatus.Backordered)
            .Permit(OrderTrigger.Reject, OrderStatus.Rejected)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        _machine.Configure(OrderStatus.Backordered)
            .PermitIf(_confirm, OrderStatus.Confirmed, (allocation, _) => allocation.IsComplete, StockReserved)
            .Permit(OrderTrigger.Reject, OrderStatus.Rejected)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        _machine.Configure(OrderStatus.Confirmed)
            .Permit(OrderTrigger.StartPreparation, OrderStatus.InPreparation)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        _machine.Configure(OrderStatus.InPreparation)
            .Permit(OrderTrigger.Ship, OrderStatus.Shipped)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        _machine.Configure(OrderStatus.Shipped)
            .Permit(OrderTrigger.Invoice, OrderStatus.Invoiced);
        _machine.Configure(OrderStatus.Invoiced)
            .PermitIf(_pay, OrderStatus.Paid, (balance, _) => balance.IsZero, InvoiceFullyPaid);
        _machine.Configure(OrderStatus.Paid);
        _machine.Configure(OrderStatus.Rejected);
        _machine.Configure(OrderStatus.Cancelled);

        _machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(ErrorCodes.Order.InvalidTransition, _orderId(), state.ToString(), trigger.ToString(), PermittedFrom(state), [.. unmetGuards ?? []]));
        _machine.OnTransitioned(t => onTransitioned(t.Destination, t.Parameters.OfType<OrderTransition>().Single()));
    }

    /// <summary>The order's state diagram in Mermaid (<c>stateDiagram-v2</c>), with guard descriptions.</summary>
    public static string ToMermaid()
    {
        var status = OrderStatus.Submitted;
        var machine = new OrderStateMachine("diagram", () => status, s => status = s, (_, _) => { });
        return MermaidGraph.Format(machine._machine.GetInfo());
    }

    /// <summary>The triggers configured from <paramref name="state"/>, whatever their guards, in a stable order.</summary>
    /// <param name="state">The state.</param>
    public IReadOnlyList<string> PermittedFrom(OrderStatus state) =>
        [.. _machine.GetInfo().States
            .Single(s => (OrderStatus)s.UnderlyingState == state)
            .Transitions.Select(t => (OrderTrigger)t.Trigger.UnderlyingTrigger)
            .Distinct().Order().Select(t => t.ToString())];

    /// <summary>Fires <see cref="OrderTrigger.Confirm"/>, allowed only when <paramref name="allocation"/> is complete.</summary>
    /// <param name="allocation">The stock reservation of the order's lines.</param>
    /// <param name="transition">Who, when, why.</param>
    public void Confirm(StockAllocation allocation, OrderTransition transition) => _machine.Fire(_confirm, allocation, transition);

    /// <summary>Fires <see cref="OrderTrigger.Invoice"/>.</summary>
    /// <param name="invoiceId">The invoice issued for the order.</param>
    /// <param name="transition">Who, when, why.</param>
    public void Invoice(InvoiceId invoiceId, OrderTransition transition) => _machine.Fire(_invoice, invoiceId, transition);

    /// <summary>Fires <see cref="OrderTrigger.Pay"/>, allowed only when <paramref name="balanceDue"/> is zero.</summary>
    /// <param name="balanceDue">What remains due on the order's invoice.</param>
    /// <param name="transition">Who, when, why.</param>
    public void Pay(Money balanceDue, OrderTransition transition) => _machine.Fire(_pay, balanceDue, transition);

    /// <summary>Fires a trigger that takes no argument but its context.</summary>
    /// <param name="trigger">One of Backorder, Reject, StartPreparation, Ship, Cancel.</param>
    /// <param name="transition">Who, when, why.</param>
    public void Fire(OrderTrigger trigger, OrderTransition transition)
    {
        if (!_simple.TryGetValue(trigger, out var typed))
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"{trigger} takes arguments of its own; call its method.", nameof(trigger));
        }

        _machine.Fire(typed, transition);
    }
}

/// <summary>The context of a status change: who made it, when, and why.</summary>
/// <param name="Actor">Who; <see langword="null"/> for the system.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, when a reason applies.</param>
public sealed record OrderTransition(UserId? Actor, DateTimeOffset At, string? Reason = null);
