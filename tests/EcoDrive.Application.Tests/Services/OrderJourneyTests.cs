using EcoDrive.Core.Access;
using EcoDrive.Application;
using EcoDrive.Kpi;

namespace EcoDrive.Application.Tests.Services;

public sealed class OrderJourneyTests
{
    [Fact]
    public async Task Journey_FromCrmThroughErpBackToCrm_EndsPaidWithEveryStatusSeenByTheCrm()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 3);
        var camille = await host.AddCamilleAsync();

        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        await host.Dispatcher.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
        await host.Dispatcher.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Fulfilment.ShipAsync(TestHost.Marc, orderId);
        await host.Dispatcher.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        var invoice = await host.Billing.IssueInvoiceAsync(TestHost.Claire, orderId);
        await host.Dispatcher.DrainAsync();
        var paid = await host.Billing.RecordPaymentAsync(TestHost.Claire, invoice.Id, invoice.Total, "VIR-1");
        await host.Dispatcher.DrainAsync();

        var crm = await host.Sales.GetAsync(TestHost.Sophie, orderId);
        Assert.Equal(
            [OrderStatus.Submitted, OrderStatus.Confirmed, OrderStatus.InPreparation, OrderStatus.Shipped, OrderStatus.Invoiced, OrderStatus.Paid],
            crm.History.Select(h => h.Status));
        Assert.Equal([1L, 2, 3, 4, 5, 6], crm.History.Select(h => h.Version));
        Assert.Equal("FA-2026-000001", invoice.Number.ToString());
        Assert.Equal(Money.Euros(50_400m), invoice.Total);
        Assert.True(paid.Balance.IsZero);
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Admin, suv);
        Assert.Equal(2, stock.OnHand);
        Assert.Empty(stock.Reservations);
    }

    [Fact]
    public async Task Submit_WhenStockIsShort_ErpBackordersAndReservesNothing()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();

        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 2)]);
        await host.Dispatcher.DrainAsync();

        Assert.Equal(OrderStatus.Backordered, (await host.Sales.GetAsync(TestHost.Sophie, orderId)).Status);
        Assert.Empty((await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations);
    }

    [Fact]
    public async Task Submit_UnknownProduct_ErpRejectsWithReason()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var unknown = ProductId.New();

        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(unknown, 1)]);
        await host.Dispatcher.DrainAsync();

        var crm = await host.Sales.GetAsync(TestHost.Sophie, orderId);
        Assert.Equal(OrderStatus.Rejected, crm.Status);
        Assert.Contains(unknown.ToString(), crm.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitFromCatalogue_WithoutAgreedPrice_PricesAtListPriceWithTheProductsVatRate()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();

        var orderId = await host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, camille, [new OrderItem(suv, 1)]);

        var line = Assert.Single((await host.Sales.GetAsync(TestHost.Sophie, orderId)).Lines);
        Assert.Equal(new OrderLine(suv, 1, Money.Euros(42_000m), VatRate.FrenchStandard), line);
        Assert.Equal(OrderStatus.Confirmed, await host.CrmStatusAsync(orderId));
    }

    [Fact]
    public async Task SubmitFromCatalogue_WithAgreedPrice_KeepsTheAgreedPrice()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 2);
        var camille = await host.AddCamilleAsync();

        var orderId = await host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, camille, [new OrderItem(suv, 2, Money.Euros(40_000m))]);

        var line = Assert.Single((await host.Sales.GetAsync(TestHost.Sophie, orderId)).Lines);
        Assert.Equal(Money.Euros(40_000m), line.UnitPrice);
        Assert.Equal(2, line.Quantity);
    }

    [Fact]
    public async Task SubmitFromCatalogue_WithoutOrdersCreate_IsDeniedBeforeAnyProductIsRead()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => host.Sales.SubmitFromCatalogueAsync(TestHost.Helene, camille, [new OrderItem(ProductId.New(), 1)]));

        Assert.Equal(Permissions.OrdersCreate, denied.Permission);
    }

    [Fact]
    public async Task SubmitFromCatalogue_UnknownProduct_ThrowsNotFoundAndRecordsNothing()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();

        await Assert.ThrowsAsync<EntityNotFoundException>(
            () => host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, camille, [new OrderItem(suv, 1), new OrderItem(ProductId.New(), 1)]));

        Assert.Empty(await host.Sales.ListByCustomerAsync(TestHost.Sophie, camille));
    }

    [Fact]
    public async Task Cancel_ConfirmedOrder_ReleasesItsReservation()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 2);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 2)]);
        await host.Dispatcher.DrainAsync();

        await host.Fulfilment.CancelAsync(TestHost.Sophie, orderId, "customer withdrew");
        await host.Dispatcher.DrainAsync();

        Assert.Equal(OrderStatus.Cancelled, (await host.Sales.GetAsync(TestHost.Sophie, orderId)).Status);
        Assert.Equal(2, (await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).OnHand);
        Assert.Empty((await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations);
    }

    [Fact]
    public async Task Ship_OrderNeverConfirmed_IsRefusedAndChangesNothing()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        await host.Dispatcher.DrainAsync();

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => host.Fulfilment.ShipAsync(TestHost.Marc, orderId));

        Assert.Equal("order.invalid-transition", error.Code);
        Assert.Equal("Backordered", error.State);
        var erp = await host.Fulfilment.GetOrderAsync(TestHost.Admin, orderId);
        Assert.Equal(OrderStatus.Backordered, erp.Status);
        Assert.Equal(2, erp.History.Count);
    }

    [Fact]
    public async Task RecordPayment_MoreThanDue_IsRefusedAndChangesNothing()
    {
        await using var host = new TestHost();
        var (orderId, invoice) = await host.InvoicedOrderAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            host.Billing.RecordPaymentAsync(TestHost.Claire, invoice.Id, invoice.Total + Money.Euros(0.01m)));

        Assert.Equal("invoice.overpayment", error.Code);
        var partial = await host.Billing.RecordPaymentAsync(TestHost.Claire, invoice.Id, Money.Euros(1_000m));
        Assert.Equal(Money.Euros(49_400m), partial.Balance);
        await host.Dispatcher.DrainAsync();
        Assert.Equal(OrderStatus.Invoiced, (await host.Sales.GetAsync(TestHost.Sophie, orderId)).Status);
    }

    [Fact]
    public async Task Submit_ByWarehouse_IsDeniedNamingThePermissionAndWritesNothing()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Sales.SubmitAsync(TestHost.Marc, camille, [TestHost.Suvs(suv, 1)]));

        Assert.Equal(Permissions.OrdersCreate, error.Permission);
        Assert.Equal(0, await host.Dispatcher.DrainAsync());
    }

    [Fact]
    public async Task Dashboard_AfterTheJourney_ShowsTheThreeKpis()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var lead = await host.Leads.CaptureAsync(
            TestHost.Sophie, "Camille", "Martin", Core.Customers.ContactDetails.Parse("camille.martin@example.fr", null),
            Crm.Leads.LeadSource.From(Crm.Leads.LeadChannel.Showroom), [ProductSegment.Suv]);
        await host.Leads.CaptureAsync(
            TestHost.Sophie, "Jules", "Bernard", Core.Customers.ContactDetails.Parse("jules@example.fr", null),
            Crm.Leads.LeadSource.From(Crm.Leads.LeadChannel.Website), [ProductSegment.CityCar]);
        await host.Leads.ContactAsync(TestHost.Sophie, lead);
        await host.Leads.QualifyAsync(TestHost.Sophie, lead);
        Assert.Equal(camille, await host.Leads.WinAsync(TestHost.Sophie, lead));
        await host.InvoicedOrderAsync();

        var report = await host.Dashboard.GetAsync(TestHost.Helene, new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month));

        Assert.Equal(1, report.NewOrders.TotalOrders);
        Assert.Equal(1, report.Conversion.Numerator);
        Assert.Equal(2, report.Conversion.Denominator);
        Assert.Equal(0.5m, report.Conversion.Rate);
        Assert.Equal(Money.Euros(42_000m), report.Revenue.NetOf(ProductSegment.Suv, Currency.Eur));
        Assert.Equal(Money.Euros(0m), report.Revenue.NetOf(ProductSegment.CityCar, Currency.Eur));
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            host.Dashboard.GetAsync(TestHost.Sophie, new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month)));
    }
}
