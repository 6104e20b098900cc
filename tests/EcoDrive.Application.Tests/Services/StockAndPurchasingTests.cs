using EcoDrive.Core.Access;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Application.Tests.Services;

public sealed class StockAndPurchasingTests
{
    [Fact]
    public async Task ReceiveStock_WithBackorderedOrders_ConfirmsThoseThatFitFirstComeFirstServedAndTellsTheCrm()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var camille = await host.AddCamilleAsync();
        var first = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 1));
        var large = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 2));
        var last = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 1));

        var receipt = await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, 2);

        Assert.Equal([first, last], receipt.ConfirmedOrders);
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(first));
        Assert.Equal(OrderStatus.Backordered, await host.CrmStatusAsync(large));
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(last));
        Assert.Equal([large], receipt.Stock.Backorders.Select(b => b.OrderId));
        var crm = await host.Sales.GetAsync(TestHost.Sophie, first);
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Backordered, OrderStatus.Confirmed], crm.History.Select(h => h.Status));
        Assert.Null(crm.History[^1].Actor);

        Assert.Equal([large], (await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, 2)).ConfirmedOrders);
    }

    [Fact]
    public async Task Cancel_ConfirmedOrder_ItsUnitsServeTheOrderWaitingBehindIt()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();
        var confirmed = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 1));
        var waiting = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 1));

        await host.Fulfilment.CancelAsync(TestHost.Sophie, confirmed, "customer withdrew");

        Assert.Equal(OrderStatus.Cancelled, await host.CrmStatusAsync(confirmed));
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(waiting));
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Marc, suv);
        Assert.Equal(waiting, Assert.Single(stock.Reservations).OrderId);
        Assert.Empty(stock.Backorders);
    }

    [Fact]
    public async Task Cancel_BackorderedOrder_LeavesTheQueue()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 1));

        await host.Fulfilment.CancelAsync(TestHost.Sophie, orderId, "found one elsewhere");

        Assert.Empty((await host.Fulfilment.GetStockAsync(TestHost.Marc, suv)).Backorders);
        Assert.Empty((await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, 1)).ConfirmedOrders);
    }

    [Fact]
    public async Task AdjustStock_BelowReserved_IsRefusedAndChangesNothing()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 3);
        var camille = await host.AddCamilleAsync();
        await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 2));

        var error = await Assert.ThrowsAsync<StockBelowReservedException>(() => host.Fulfilment.AdjustStockAsync(TestHost.Marc, suv, -2, "inventory count"));

        Assert.Equal("stock.below-reserved", error.Code);
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Marc, suv);
        Assert.Equal(3, stock.OnHand);
        Assert.Empty(stock.Adjustments);
    }

    [Fact]
    public async Task AdjustStock_Upwards_KeepsTheReasonAndServesBackorders()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 1));

        var adjusted = await host.Fulfilment.AdjustStockAsync(TestHost.Marc, suv, 1, "found in the showroom");

        Assert.Equal([orderId], adjusted.ConfirmedOrders);
        Assert.Equal("found in the showroom", Assert.Single(adjusted.Stock.Adjustments).Reason);
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(orderId));
    }

    [Fact]
    public async Task Purchasing_FromReorderPointToReceipt_ProposesOrdersAndFillsBackorders()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1, reorderPoint: 2);
        var van = await host.Fulfilment.AddProductAsync(TestHost.Admin, "Cargo e-Van", ProductSegment.Utility, Money.Euros(35_000m), VatRate.FrenchStandard, reorderPoint: 1);
        await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, van, 4);
        var camille = await host.AddCamilleAsync();
        var waiting = await host.SubmitAndDispatchAsync(camille, TestHost.Suvs(suv, 3));

        var under = await host.Fulfilment.ListStockLevelsAsync(TestHost.Marc, underReorderPointOnly: true);
        var proposal = await host.Purchasing.ProposeAsync(TestHost.Marc, "Volt Motors");

        var level = Assert.Single(under);
        Assert.Equal((suv, 1, 3, -2, 4), (level.ProductId, level.OnHand, level.Backordered, level.Position, level.Shortfall));
        Assert.NotNull(proposal);
        Assert.Equal(new PurchaseOrderLine(suv, 4, 0), Assert.Single(proposal.Lines));

        await host.Purchasing.PlaceAsync(TestHost.Marc, proposal.Id);
        Assert.Empty(await host.Fulfilment.ListStockLevelsAsync(TestHost.Marc, underReorderPointOnly: true));
        Assert.Null(await host.Purchasing.ProposeAsync(TestHost.Marc, "Volt Motors"));

        var firstDelivery = await host.Purchasing.ReceiveAsync(TestHost.Marc, proposal.Id, suv, 2);
        Assert.Equal([waiting], firstDelivery.ConfirmedOrders);
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(waiting));
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, (await host.Purchasing.GetAsync(TestHost.Marc, proposal.Id)).Status);

        await host.Purchasing.ReceiveAsync(TestHost.Marc, proposal.Id, suv, 2);
        Assert.Equal(PurchaseOrderStatus.Received, (await host.Purchasing.GetAsync(TestHost.Marc, proposal.Id)).Status);
        Assert.Equal((5, 2), ((await host.Fulfilment.GetStockAsync(TestHost.Marc, suv)).OnHand, Assert.Single(await host.Fulfilment.ListStockLevelsAsync(TestHost.Marc), l => l.ProductId == suv).Available));
    }

    [Fact]
    public async Task ReceivePurchase_MoreThanOrdered_IsRefusedAndAddsNoStock()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var draft = await host.Purchasing.DraftAsync(TestHost.Marc, "Volt Motors");
        await host.Purchasing.AddLineAsync(TestHost.Marc, draft.Id, suv, 2);
        await host.Purchasing.PlaceAsync(TestHost.Marc, draft.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Purchasing.ReceiveAsync(TestHost.Marc, draft.Id, suv, 3));

        Assert.Equal("purchase-order.over-receipt", error.Code);
        Assert.Equal(0, (await host.Fulfilment.GetStockAsync(TestHost.Marc, suv)).OnHand);
        Assert.Equal(PurchaseOrderStatus.Ordered, (await host.Purchasing.GetAsync(TestHost.Marc, draft.Id)).Status);
    }

    [Fact]
    public async Task Purchasing_BySalesperson_IsDeniedNamingStockManage()
    {
        await using var host = new TestHost();

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Purchasing.ProposeAsync(TestHost.Sophie, "Volt Motors"));

        Assert.Equal(Permissions.StockManage, error.Permission);
        Assert.Empty(await host.Purchasing.ListAsync(TestHost.Marc));
    }

    [Fact]
    public async Task ListProducts_BySegment_ListsThatSegmentByName()
    {
        await using var host = new TestHost();
        await host.AddSuvAsync(inStock: 0);
        await host.Fulfilment.AddProductAsync(TestHost.Admin, "Aero SUV", ProductSegment.Suv, Money.Euros(51_000m), VatRate.FrenchStandard);
        await host.Fulfilment.AddProductAsync(TestHost.Admin, "Urbo city car", ProductSegment.CityCar, Money.Euros(21_500m), VatRate.FrenchStandard);

        var suvs = await host.Fulfilment.ListProductsAsync(TestHost.Sophie, ProductSegment.Suv);

        Assert.Equal(["Aero SUV", "Volt X5 SUV"], suvs.Select(p => p.Name));
        Assert.Equal(3, (await host.Fulfilment.ListProductsAsync(TestHost.Marc)).Count);
    }
}
