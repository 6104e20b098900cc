using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Invoices;
using EcoDrive.Kpi;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IKpiFactSource"/>: the facts of the orders, leads and invoice lines in a half-open range,
/// all of them and only them, as the domain recorded them. Derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class KpiFactSourceContract : StorageContract
{
    private static readonly DateTimeOffset From = TestData.Start;
    private static readonly DateTimeOffset To = TestData.Start.AddDays(7);

    /// <summary>Orders submitted in [from, to) with their current status and salesperson; the end is excluded.</summary>
    [StorageFact]
    public async Task GetOrderFacts_ReturnsTheOrdersSubmittedInTheRange()
    {
        var line = TestData.Line(TestData.Product(ProductSegment.Suv));
        var customerId = CustomerId.New();
        var before = TestData.OrderView(customerId, [line], From.AddTicks(-10));
        var first = TestData.OrderView(customerId, [line], From);
        var confirmed = TestData.OrderView(customerId, [line], From.AddDays(1));
        confirmed.Apply(new OrderStatusEntry(OrderStatus.Confirmed, From.AddDays(1).AddMinutes(1), null, null, 2));
        var atEnd = TestData.OrderView(customerId, [line], To);
        await AddAsync(scope =>
        {
            foreach (var view in new[] { before, first, confirmed, atEnd })
            {
                Get<IOrderViewRepository>(scope).Add(view);
            }
        });

        var facts = await Get<IKpiFactSource>().GetOrderFactsAsync(From, To);

        Assert.Equal(
            new[]
            {
                new OrderFact(first.Id, From, OrderStatus.Submitted, TestData.Salesperson),
                new OrderFact(confirmed.Id, From.AddDays(1), OrderStatus.Confirmed, TestData.Salesperson),
            }.OrderBy(f => f.OrderId.Value),
            facts.Where(f => f.SubmittedAt >= From && f.SubmittedAt < To).OrderBy(f => f.OrderId.Value));
    }

    /// <summary>Leads created in [from, to), with when they were won or lost, their source and owner.</summary>
    [StorageFact]
    public async Task GetLeadFacts_ReturnsTheLeadsCreatedInTheRange()
    {
        var won = TestData.Lead(From.AddHours(1), LeadChannel.Website, TestData.Salesperson);
        won.Contact(TestData.Salesperson, From.AddHours(2));
        won.Qualify(TestData.Salesperson, From.AddDays(1));
        won.Win(CustomerId.New(), TestData.Salesperson, From.AddDays(2));
        var lost = TestData.Lead(From.AddHours(2), LeadChannel.Referral, TestData.Salesperson);
        lost.Contact(TestData.Salesperson, From.AddHours(3));
        lost.Lose("bought elsewhere", TestData.Salesperson, From.AddDays(3));
        var open = TestData.Lead(From.AddHours(3), LeadChannel.Phone);
        var campaignId = CampaignId.New();
        var fromCampaign = Lead.Capture(
            LeadId.New(), "Inès", "Petit", EcoDrive.Core.Customers.ContactDetails.None, LeadSource.FromCampaign(campaignId), [ProductSegment.Suv], TestData.Salesperson, From.AddHours(4));
        var later = TestData.Lead(To, LeadChannel.Showroom);
        await AddAsync(scope =>
        {
            foreach (var lead in new[] { won, lost, open, fromCampaign, later })
            {
                Get<ILeadRepository>(scope).Add(lead);
            }
        });

        var facts = await Get<IKpiFactSource>().GetLeadFactsAsync(From, To);

        Assert.Equal(
            new[]
            {
                new LeadFact(won.Id, From.AddHours(1), From.AddDays(2), null, "website", TestData.Salesperson),
                new LeadFact(lost.Id, From.AddHours(2), null, From.AddDays(3), "referral", TestData.Salesperson),
                new LeadFact(open.Id, From.AddHours(3), null, null, "phone", null),
                new LeadFact(fromCampaign.Id, From.AddHours(4), null, null, "campaign", TestData.Salesperson, campaignId),
            }.OrderBy(f => f.LeadId.Value),
            facts.Where(f => f.CreatedAt >= From && f.CreatedAt < To).OrderBy(f => f.LeadId.Value));
    }

    /// <summary>One fact per line of the invoices issued in [from, to): issue time, segment and exact net amount.</summary>
    [StorageFact]
    public async Task GetRevenueFacts_ReturnsOneFactPerInvoiceLineIssuedInTheRange()
    {
        var customer = TestData.Customer();
        var suv = TestData.Product(ProductSegment.Suv, 42_000m);
        var van = TestData.Product(ProductSegment.Utility, 28_500.35m);
        var inRange = TestData.Invoice(customer, new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), From.AddDays(1), (suv, 1), (van, 3));
        var outOfRange = TestData.Invoice(customer, new InvoiceNumber(InvoiceSeries.Invoice, 2026, 2), To, (suv, 1));
        await AddAsync(scope =>
        {
            Get<IInvoiceRepository>(scope).Add(inRange);
            Get<IInvoiceRepository>(scope).Add(outOfRange);
        });

        var facts = await Get<IKpiFactSource>().GetRevenueFactsAsync(From, To);

        Assert.Equal(
            new[]
            {
                new RevenueFact(From.AddDays(1), ProductSegment.Suv, Money.Euros(42_000m)),
                new RevenueFact(From.AddDays(1), ProductSegment.Utility, Money.Euros(85_501.05m)),
            }.OrderBy(f => f.Segment.Code),
            facts.Where(f => f.IssuedAt >= From && f.IssuedAt < To).OrderBy(f => f.Segment.Code));
    }

    /// <summary>A credit note takes its lines off the revenue of the period it is issued in, not the invoice's.</summary>
    [StorageFact]
    public async Task GetRevenueFacts_WithACreditNote_CountsItsLinesNegativeAtItsIssueTime()
    {
        var suv = TestData.Product(ProductSegment.Suv, 42_000m);
        var invoice = TestData.Invoice(TestData.Customer(), new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), From.AddDays(-3), (suv, 1));
        var creditNote = TestData.CreditNote(invoice, new InvoiceNumber(InvoiceSeries.CreditNote, 2026, 1), From.AddDays(2));
        await AddAsync(scope =>
        {
            Get<IInvoiceRepository>(scope).Add(invoice);
            Get<ICreditNoteRepository>(scope).Add(creditNote);
        });

        var facts = await Get<IKpiFactSource>().GetRevenueFactsAsync(From, To);

        Assert.Equal([new RevenueFact(From.AddDays(2), ProductSegment.Suv, Money.Euros(-42_000m))], facts.Where(f => f.IssuedAt >= From && f.IssuedAt < To));
    }

    /// <summary>An empty store has no facts.</summary>
    [StorageFact]
    public async Task GetFacts_EmptyStore_ReturnsNothing()
    {
        var source = Get<IKpiFactSource>();

        Assert.Empty(await source.GetOrderFactsAsync(From, To));
        Assert.Empty(await source.GetLeadFactsAsync(From, To));
        Assert.Empty(await source.GetRevenueFactsAsync(From, To));
    }

    private T Get<T>() => (T)Services.GetService(typeof(T))!;
}
