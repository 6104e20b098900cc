using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Purchasing;

public sealed partial class PurchaseOrderTests
{
    private static readonly DateTimeOffset s_at = OrderBuilder.Start;
    private static readonly ProductId s_suv = ProductId.New();
    private static readonly ProductId s_van = ProductId.New();

    [Fact]
    public void Place_DraftWithLines_IsOrdered()
    {
        var purchase = Draft((s_suv, 3));

        purchase.Place(s_at.AddHours(1));

        Assert.Equal(PurchaseOrderStatus.Ordered, purchase.Status);
        Assert.Equal(s_at.AddHours(1), purchase.OrderedAt);
        Assert.True(purchase.IsOpen);
    }

    [Fact]
    public void Place_EmptyDraft_IsRefusedAndStaysDraft()
    {
        var purchase = Draft();

        Assert.Equal("purchase-order.empty", Assert.Throws<DomainException>(() => purchase.Place(s_at)).Code);
        Assert.Equal(PurchaseOrderStatus.Draft, purchase.Status);
    }

    [Fact]
    public void AddLine_SameProductTwice_AddsTheQuantities()
    {
        var purchase = Draft((s_suv, 3), (s_suv, 2));

        Assert.Equal(new PurchaseOrderLine(s_suv, 5, 0), Assert.Single(purchase.Lines));
    }

    [Fact]
    public void AddLine_OncePlaced_IsRefusedNamingStateAndAllowedTriggers()
    {
        var purchase = Placed((s_suv, 3));

        var error = Assert.Throws<InvalidTransitionException>(() => purchase.AddLine(s_van, 1));

        Assert.Equal("purchase-order.invalid-transition", error.Code);
        Assert.Equal(("Ordered", "AddLine"), (error.State, error.Trigger));
        Assert.Equal(["Receive"], error.PermittedTriggers);
        Assert.Single(purchase.Lines);
    }

    [Fact]
    public void Receive_InTwoDeliveries_IsPartiallyThenFullyReceived()
    {
        var purchase = Placed((s_suv, 3), (s_van, 1));

        purchase.Receive(s_suv, 3, s_at.AddDays(2));
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, purchase.Status);
        purchase.Receive(s_van, 1, s_at.AddDays(5));

        Assert.Equal(PurchaseOrderStatus.Received, purchase.Status);
        Assert.False(purchase.IsOpen);
        Assert.All(purchase.Lines, l => Assert.Equal(0, l.Outstanding));
        Assert.Equal([s_at.AddDays(2), s_at.AddDays(5)], purchase.Receipts.Select(r => r.At));
        Assert.Equal([], Assert.Throws<InvalidTransitionException>(() => purchase.Receive(s_suv, 1, s_at.AddDays(6))).PermittedTriggers);
    }

    [Fact]
    public void Receive_MoreThanExpected_IsRefusedAndChangesNothing()
    {
        var purchase = Placed((s_suv, 3));
        purchase.Receive(s_suv, 2, s_at.AddDays(1));

        var error = Assert.Throws<DomainException>(() => purchase.Receive(s_suv, 2, s_at.AddDays(2)));

        Assert.Equal("purchase-order.over-receipt", error.Code);
        Assert.Contains("only 1 are still expected", error.Message, StringComparison.Ordinal);
        Assert.Equal(new PurchaseOrderLine(s_suv, 3, 2), Assert.Single(purchase.Lines));
        Assert.Single(purchase.Receipts);
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, purchase.Status);
    }

    [Fact]
    public void Receive_ProductNotOnTheOrder_IsRefused()
    {
        var purchase = Placed((s_suv, 3));

        Assert.Equal("purchase-order.over-receipt", Assert.Throws<DomainException>(() => purchase.Receive(s_van, 1, s_at)).Code);
        Assert.Equal(PurchaseOrderStatus.Ordered, purchase.Status);
    }

    [Fact]
    public void Receive_Draft_IsRefused()
    {
        var purchase = Draft((s_suv, 3));

        Assert.Equal("Draft", Assert.Throws<InvalidTransitionException>(() => purchase.Receive(s_suv, 1, s_at)).State);
    }

    [Fact]
    public void Propose_OrdersTheShortfallOfEachProductUnderItsReorderPoint()
    {
        StockLevel[] levels =
        [
            new(s_suv, "Volt X5 SUV", ProductSegment.Suv, OnHand: 1, Reserved: 1, Backordered: 2, OnOrder: 0, ReorderPoint: 2),
            new(s_van, "Cargo e-Van", ProductSegment.Utility, OnHand: 9, Reserved: 0, Backordered: 0, OnOrder: 0, ReorderPoint: 2),
        ];

        var proposal = PurchaseOrder.Propose(PurchaseOrderId.New(), "Volt Motors", levels, s_at);

        Assert.NotNull(proposal);
        Assert.Equal(PurchaseOrderStatus.Draft, proposal.Status);
        Assert.Equal(new PurchaseOrderLine(s_suv, 4, 0), Assert.Single(proposal.Lines));
    }

    [Fact]
    public void Propose_NothingUnderReorderPoint_ProposesNothing()
    {
        StockLevel[] levels = [new(s_suv, "Volt X5 SUV", ProductSegment.Suv, 5, 0, 0, 0, 2)];

        Assert.Null(PurchaseOrder.Propose(PurchaseOrderId.New(), "Volt Motors", levels, s_at));
    }

    [Fact]
    public void Snapshot_RoundTrip_KeepsLinesReceiptsAndStatus()
    {
        var purchase = Placed((s_suv, 3));
        purchase.Receive(s_suv, 1, s_at.AddDays(1));

        var restored = PurchaseOrder.FromSnapshot(purchase.ToSnapshot());

        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, restored.Status);
        Assert.Equal(purchase.Lines, restored.Lines);
        Assert.Equal(purchase.Receipts, restored.Receipts);
    }

    private static PurchaseOrder Draft(params (ProductId Product, int Quantity)[] lines)
    {
        var purchase = PurchaseOrder.Draft(PurchaseOrderId.New(), "Volt Motors", s_at);
        foreach (var (product, quantity) in lines)
        {
            purchase.AddLine(product, quantity);
        }

        return purchase;
    }

    private static PurchaseOrder Placed(params (ProductId Product, int Quantity)[] lines)
    {
        var purchase = Draft(lines);
        purchase.Place(s_at);
        return purchase;
    }
}
