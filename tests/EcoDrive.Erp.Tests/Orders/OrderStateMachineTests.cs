using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Tests.Orders;

public sealed class OrderStateMachineTests
{
    /// <summary>The order journey of DESIGN.md §4, written independently of the machine's configuration.</summary>
    private static readonly Dictionary<(OrderStatus, OrderTrigger), OrderStatus> s_allowed = new()
    {
        [(OrderStatus.Submitted, OrderTrigger.Confirm)] = OrderStatus.Confirmed,
        [(OrderStatus.Submitted, OrderTrigger.Backorder)] = OrderStatus.Backordered,
        [(OrderStatus.Submitted, OrderTrigger.Reject)] = OrderStatus.Rejected,
        [(OrderStatus.Submitted, OrderTrigger.Cancel)] = OrderStatus.Cancelled,
        [(OrderStatus.Backordered, OrderTrigger.Confirm)] = OrderStatus.Confirmed,
        [(OrderStatus.Backordered, OrderTrigger.Reject)] = OrderStatus.Rejected,
        [(OrderStatus.Backordered, OrderTrigger.Cancel)] = OrderStatus.Cancelled,
        [(OrderStatus.Confirmed, OrderTrigger.StartPreparation)] = OrderStatus.InPreparation,
        [(OrderStatus.Confirmed, OrderTrigger.Cancel)] = OrderStatus.Cancelled,
        [(OrderStatus.InPreparation, OrderTrigger.Ship)] = OrderStatus.Shipped,
        [(OrderStatus.InPreparation, OrderTrigger.Cancel)] = OrderStatus.Cancelled,
        [(OrderStatus.Shipped, OrderTrigger.Invoice)] = OrderStatus.Invoiced,
        [(OrderStatus.Invoiced, OrderTrigger.Pay)] = OrderStatus.Paid,
    };

    public static TheoryData<OrderStatus, OrderTrigger> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderTrigger>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var trigger in Enum.GetValues<OrderTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Fire_EveryStatusAndTrigger_MovesWhenAllowedAndOtherwiseRaisesTheDocumentedError(OrderStatus status, OrderTrigger trigger)
    {
        var order = new OrderBuilder().Build(status);
        var before = order.ToSnapshot();

        var fire = () => Fire(order, trigger);

        if (s_allowed.TryGetValue((status, trigger), out var expected))
        {
            fire();
            Assert.Equal(expected, order.Status);
            Assert.Equal(before.History.Count + 1, order.History.Count);
            Assert.Equal(before.History[^1].Version + 1, order.Version);
            var transitioned = Assert.IsType<OrderTransitioned>(Assert.Single(order.DomainEvents));
            Assert.Equal(order.History[^1], transitioned.Change);
        }
        else
        {
            var error = Assert.Throws<InvalidTransitionException>(fire);
            Assert.Equal("order.invalid-transition", error.Code);
            Assert.Equal(status.ToString(), error.State);
            Assert.Equal(trigger.ToString(), error.Trigger);
            Assert.Equal(
                s_allowed.Keys.Where(k => k.Item1 == status).Select(k => k.Item2.ToString()).Order(),
                error.PermittedTriggers.Order());
            Assert.Contains(status.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Equal(status, order.Status);
            Assert.Equal(before.History, order.History);
            Assert.Empty(order.DomainEvents);
        }
    }

    [Fact]
    public void Ship_OrderNeverConfirmed_IsRefusedNamingStateAndAllowedTriggers()
    {
        var order = new OrderBuilder().Build(OrderStatus.Submitted);

        var error = Assert.Throws<InvalidTransitionException>(() => order.Ship(OrderBuilder.Warehouse, OrderBuilder.Start));

        Assert.Equal("Cannot Ship order " + order.Id + ": it is Submitted. Allowed from Submitted: Confirm, Backorder, Reject, Cancel.", error.Message);
    }

    [Fact]
    public void Confirm_WhenStockShort_IsRefusedByTheStockReservedGuard()
    {
        var order = new OrderBuilder().WithQuantity(3).Build(OrderStatus.Submitted);
        var shortAllocation = OrderBuilder.Reserve(order, onHand: 2);

        var error = Assert.Throws<InvalidTransitionException>(() => order.Confirm(shortAllocation, null, OrderBuilder.Start));

        Assert.Equal(["stock reserved for every line"], error.UnmetGuards);
        Assert.Equal(OrderStatus.Submitted, order.Status);
    }

    [Fact]
    public void MarkPaid_WithBalanceDue_IsRefusedByTheFullyPaidGuard()
    {
        var order = new OrderBuilder().Build(OrderStatus.Invoiced);

        var error = Assert.Throws<InvalidTransitionException>(() => order.MarkPaid(Money.Euros(0.01m), OrderBuilder.Warehouse, OrderBuilder.Start));

        Assert.Equal(["invoice fully paid"], error.UnmetGuards);
        Assert.Equal(OrderStatus.Invoiced, order.Status);
    }

    [Fact]
    public void History_OfTheWholeJourney_KeepsStatusTimeActorReasonAndVersion()
    {
        var order = new OrderBuilder().Build(OrderStatus.Paid);

        Assert.Equal(
            [OrderStatus.Submitted, OrderStatus.Confirmed, OrderStatus.InPreparation, OrderStatus.Shipped, OrderStatus.Invoiced, OrderStatus.Paid],
            order.History.Select(h => h.Status));
        Assert.Equal([1L, 2, 3, 4, 5, 6], order.History.Select(h => h.Version));
        Assert.Null(order.History[1].Actor);
        Assert.Equal(OrderBuilder.Warehouse, order.History[2].Actor);
        Assert.True(order.History.Zip(order.History.Skip(1)).All(p => p.First.At < p.Second.At));
    }

    [Fact]
    public void Cancel_KeepsItsReasonInTheHistory()
    {
        var order = new OrderBuilder().Build(OrderStatus.Confirmed);

        order.Cancel("customer changed their mind", OrderBuilder.Warehouse, OrderBuilder.Start.AddHours(1));

        Assert.Equal("customer changed their mind", order.History[^1].Reason);
    }

    [Fact]
    public void Snapshot_RoundTrip_KeepsStatusAndHistory()
    {
        var order = new OrderBuilder().Build(OrderStatus.Shipped);

        var restored = Order.FromSnapshot(order.ToSnapshot());
        restored.MarkInvoiced(InvoiceId.New(), OrderBuilder.Warehouse, OrderBuilder.Start.AddDays(1));

        Assert.Equal(OrderStatus.Invoiced, restored.Status);
        Assert.Equal(5, restored.Version);
    }

    [Fact]
    public void ToMermaid_DescribesEveryStateAndGuard()
    {
        var mermaid = OrderStateMachine.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<OrderStatus>(), state => Assert.Contains(state, mermaid, StringComparison.Ordinal));
        Assert.Contains("stock reserved for every line", mermaid, StringComparison.Ordinal);
        Assert.Contains("invoice fully paid", mermaid, StringComparison.Ordinal);
    }

    private static void Fire(Order order, OrderTrigger trigger)
    {
        var at = OrderBuilder.Start.AddDays(1);
        switch (trigger)
        {
            case OrderTrigger.Confirm: order.Confirm(OrderBuilder.Reserve(order), null, at); break;
            case OrderTrigger.Backorder: order.Backorder(null, at); break;
            case OrderTrigger.Reject: order.Reject("unknown customer", null, at); break;
            case OrderTrigger.StartPreparation: order.StartPreparation(OrderBuilder.Warehouse, at); break;
            case OrderTrigger.Ship: order.Ship(OrderBuilder.Warehouse, at); break;
            case OrderTrigger.Invoice: order.MarkInvoiced(InvoiceId.New(), OrderBuilder.Warehouse, at); break;
            case OrderTrigger.Pay: order.MarkPaid(Money.Euros(0m), OrderBuilder.Warehouse, at); break;
            case OrderTrigger.Cancel: order.Cancel("no longer wanted", OrderBuilder.Warehouse, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(trigger));
        }
    }
}
