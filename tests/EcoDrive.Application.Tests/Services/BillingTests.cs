using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Erp.Invoices;
using EcoDrive.Kpi;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoDrive.Application.Tests.Services;

public sealed class BillingTests
{
    [Fact]
    public async Task IssueCreditNote_Full_NumbersItInItsOwnSeriesAndSettlesTheInvoice()
    {
        await using var host = new TestHost();
        var (orderId, invoice) = await host.InvoicedOrderAsync();

        var credit = await host.Billing.IssueCreditNoteAsync(TestHost.Claire, invoice.Id, "vehicle returned");

        Assert.Equal("AV-2026-000001", credit.Number.ToString());
        Assert.Equal(invoice.Number, credit.InvoiceNumber);
        Assert.Equal(invoice.Total, credit.Total);
        var after = await host.Billing.GetInvoiceAsync(TestHost.Claire, invoice.Id);
        Assert.Equal((invoice.Number, invoice.Total, invoice.Lines), (after.Number, after.Total, after.Lines));
        Assert.Equal(InvoiceSettlement.Paid, after.Settlement);
        Assert.Equal([credit.Id], (await host.Billing.ListCreditNotesAsync(TestHost.Claire, invoice.Id)).Select(c => c.Id));
        Assert.Equal(OrderStatus.Invoiced, await host.CrmStatusAsync(orderId));
    }

    [Fact]
    public async Task IssueCreditNote_ThatSettlesAPartlyPaidInvoice_MarksTheOrderPaid()
    {
        await using var host = new TestHost();
        var (orderId, invoice) = await host.InvoicedOrderAsync();
        await host.Billing.RecordPaymentAsync(TestHost.Claire, invoice.Id, invoice.Total - Money.Euros(1_200m));

        await host.Billing.IssueCreditNoteAsync(TestHost.Claire, invoice.Id, "commercial gesture", [new CreditLine(1, 1, Money.Euros(1_000m))]);

        Assert.Equal(OrderStatus.Paid, await host.CrmStatusAsync(orderId));
    }

    [Fact]
    public async Task IssueCreditNote_MoreThanInvoiced_IsRefusedAndUsesNoNumber()
    {
        await using var host = new TestHost();
        var (_, invoice) = await host.InvoicedOrderAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            host.Billing.IssueCreditNoteAsync(TestHost.Claire, invoice.Id, "returned", [new CreditLine(1, 2)]));

        Assert.Equal("credit-note.exceeds-invoice", error.Code);
        Assert.Empty(await host.Billing.ListCreditNotesAsync(TestHost.Claire, invoice.Id));
        var credit = await host.Billing.IssueCreditNoteAsync(TestHost.Claire, invoice.Id, "returned", [new CreditLine(1, 1)]);
        Assert.Equal(1, credit.Number.Sequence);
    }

    [Fact]
    public async Task Dashboard_Revenue_CountsCreditNotesNegativelyInThePeriodTheyAreIssued()
    {
        await using var host = new TestHost();
        var (_, invoice) = await host.InvoicedOrderAsync();
        host.Clock.Advance(TimeSpan.FromDays(31));
        await host.Billing.IssueCreditNoteAsync(TestHost.Claire, invoice.Id, "commercial gesture", [new CreditLine(1, 1, Money.Euros(2_000m))]);

        var both = await RevenueAsync(host, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1));
        var march = await RevenueAsync(host, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        var april = await RevenueAsync(host, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));

        Assert.Equal((40_000m, 42_000m, -2_000m), (both, march, april));
    }

    [Fact]
    public async Task ListOverdue_AsTheClockPassesTheDueDate_ListsUnpaidInvoicesOnly()
    {
        await using var host = new TestHost();
        var (_, paid) = await host.InvoicedOrderAsync();
        var (_, unpaid) = await host.InvoicedOrderAsync();
        var (_, partly) = await host.InvoicedOrderAsync();
        await host.Billing.RecordPaymentAsync(TestHost.Claire, paid.Id, paid.Total);
        await host.Billing.RecordPaymentAsync(TestHost.Claire, partly.Id, Money.Euros(10_000m));

        host.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Empty(await host.Billing.ListOverdueAsync(TestHost.Claire));
        host.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = await host.Billing.ListOverdueAsync(TestHost.Claire);

        Assert.Equal([unpaid.Id, partly.Id], overdue.Select(i => i.Id));
        Assert.Equal([unpaid.Id], (await host.Billing.ListInvoicesAsync(TestHost.Claire, InvoiceSettlement.Unpaid)).Select(i => i.Id));
        Assert.Equal([partly.Id], (await host.Billing.ListInvoicesAsync(TestHost.Claire, InvoiceSettlement.PartiallyPaid)).Select(i => i.Id));
        Assert.Equal([paid.Id], (await host.Billing.ListInvoicesAsync(TestHost.Claire, InvoiceSettlement.Paid)).Select(i => i.Id));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Billing.ListOverdueAsync(TestHost.Sophie));
    }

    [Fact]
    public async Task IssueInvoice_WithTheSellerConfiguredInDi_PrintsItAndTheCompanysVatNumber()
    {
        var seller = new SellerIdentity("EcoDrive SAS", new PostalAddress("8 quai Perrache", "69002", "Lyon"), "852419670", "FR07852419670");
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)))
            .AddEcoDrive()
            .Configure<InvoicingOptions>(o =>
            {
                o.Seller = seller;
                o.PaymentTerms = new PaymentTerms(45, endOfMonth: true);
            })
            .AddEcoDriveInMemoryStorage()
            .BuildServiceProvider();
        var fulfilment = services.GetRequiredService<EcoDrive.Application.FulfilmentService>();
        var suv = await fulfilment.AddProductAsync(TestHost.Admin, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);
        await fulfilment.ReceiveStockAsync(TestHost.Admin, suv, 1);
        var fleet = CustomerId.New();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ICustomerRepository>().Add(Customer.CreateCompany(
                fleet, "Flotte Verte SARL", ContactDetails.Parse("achats@flotte-verte.fr", null, new PostalAddress("3 rue du Port", "13002", "Marseille")), DateTimeOffset.UnixEpoch));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();
        }

        var orderId = await services.GetRequiredService<EcoDrive.Application.SalesOrderService>().SubmitAsync(TestHost.Admin, fleet, [TestHost.Suvs(suv, 1)]);
        await services.GetRequiredService<EcoDrive.Application.Messaging.OutboxDispatcher>().DrainAsync();
        await fulfilment.StartPreparationAsync(TestHost.Admin, orderId);
        await fulfilment.ShipAsync(TestHost.Admin, orderId);

        var invoice = await services.GetRequiredService<EcoDrive.Application.BillingService>().IssueInvoiceAsync(TestHost.Admin, orderId, customerVatNumber: "FR11123456782");

        Assert.Equal(seller, invoice.Seller);
        Assert.Equal("FR11123456782", invoice.BillTo.VatNumber);
        Assert.Equal(new DateOnly(2026, 4, 30), invoice.DueDate);
        Assert.Equal(Money.Euros(40m), invoice.LatePayment.FixedRecoveryFee);
    }

    private static async Task<decimal> RevenueAsync(TestHost host, DateOnly from, DateOnly to) =>
        (await host.Dashboard.GetAsync(TestHost.Helene, new ReportingPeriod(from, to, TimeBucket.Month))).Revenue.NetOf(ProductSegment.Suv, Currency.Eur).Amount;
}
