using System.Globalization;
using EcoDrive.Core;
using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Integration;
using EcoDrive.Integration.Access;
using EcoDrive.Integration.Application;
using EcoDrive.Integration.Messaging;
using EcoDrive.Kpi;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace EcoDrive.Samples.Console;

/// <summary>The brief's scenario, told through the SDK's application services only.</summary>
internal static class BriefStory
{
    private static readonly User s_admin = new(UserId.New(), "Alex (admin)", Role.Administrator);
    private static readonly User s_sophie = new(UserId.New(), "Sophie (sales)", Role.Salesperson);
    private static readonly User s_marc = new(UserId.New(), "Marc (warehouse)", Role.Warehouse);
    private static readonly User s_claire = new(UserId.New(), "Claire (accounting)", Role.Accountant);
    private static readonly User s_helene = new(UserId.New(), "Hélène (sales director)", Role.SalesDirector);
    private static readonly User s_manon = new(UserId.New(), "Manon (marketing)", Role.Marketing);

    public static async Task RunAsync(IAnsiConsole console)
    {
        await using var services = new ServiceCollection()
            .AddEcoDrive()
            .AddEcoDriveInMemoryStorage()
            .BuildServiceProvider();
        var customers = services.GetRequiredService<CustomerService>();
        var leads = services.GetRequiredService<LeadService>();
        var sales = services.GetRequiredService<SalesOrderService>();
        var fulfilment = services.GetRequiredService<FulfilmentService>();
        var billing = services.GetRequiredService<BillingService>();
        var dashboard = services.GetRequiredService<DashboardService>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var activities = services.GetRequiredService<SalesActivityService>();
        var campaigns = services.GetRequiredService<CampaignService>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        console.Write(new Rule("[green]EcoDrive[/] — the brief, end to end (in-memory storage)").LeftJustified());

        Step(console, "ERP", "Catalogue and stock");
        var suv = await fulfilment.AddProductAsync(s_admin, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, reorderPoint: 2);
        var cityCar = await fulfilment.AddProductAsync(s_admin, "Urbo city car", ProductSegment.CityCar, Money.Euros(21_500m), VatRate.FrenchStandard);
        await fulfilment.ReceiveStockAsync(s_marc, suv, 5);
        await fulfilment.ReceiveStockAsync(s_marc, cityCar, 8);
        console.MarkupLine("  Volt X5 SUV: 5 in stock · Urbo city car: 8 in stock");

        Step(console, "Core", "The shared customer record: Camille Martin, interested in SUVs");
        var camille = await customers.CreateIndividualAsync(
            s_sophie, "Camille", "Martin",
            ContactDetails.Parse("camille.martin@example.fr", "06 12 34 56 78", new PostalAddress("12 rue des Lilas", "69003", "Lyon")));
        await customers.AddInterestAsync(s_sophie, camille, ProductSegment.Suv);
        await customers.GrantMarketingConsentAsync(s_sophie, camille, "showroom form");
        var record = await customers.GetAsync(s_sophie, camille);
        console.MarkupLineInterpolated($"  {record.FirstName} {record.LastName} · {record.Email} · {record.Phone} · interests: {string.Join(", ", record.Interests)}");

        Step(console, "CRM", "A lead from the showroom: contacted, qualified, offer sent, won");
        var lead = await leads.CaptureAsync(
            s_sophie, "Camille", "Martin", ContactDetails.Parse("Camille.Martin@Example.fr", "+33 6 12 34 56 78"),
            LeadSource.From(LeadChannel.Showroom), [ProductSegment.Suv]);
        await leads.ContactAsync(s_sophie, lead);
        await leads.QualifyAsync(s_sophie, lead);
        await leads.SendOfferAsync(s_sophie, lead);
        var wonCustomer = await leads.WinAsync(s_sophie, lead);
        console.MarkupLineInterpolated($"  Lead won → linked to the existing customer: {(wonCustomer == camille ? "yes, no duplicate created" : "NO — a duplicate was created")}");
        var lostLead = await leads.CaptureAsync(
            s_sophie, "Jules", "Bernard", ContactDetails.Parse("jules.bernard@example.fr", null), LeadSource.From(LeadChannel.Website), [ProductSegment.CityCar]);
        await leads.LoseAsync(s_sophie, lostLead, "bought a used car");
        console.MarkupLine("  Another lead (website) was lost: bought a used car");

        Step(console, "CRM", "Follow-ups (relances): what Sophie should have done already");
        var nina = await leads.CaptureAsync(
            s_sophie, "Nina", "Petit", ContactDetails.Parse("nina.petit@example.fr", null), LeadSource.From(LeadChannel.Event), [ProductSegment.Suv]);
        await leads.GrantMarketingConsentAsync(s_sophie, nina, "Lyon EV fair form");
        await activities.ScheduleFollowUpAsync(s_sophie, PartyRef.Lead(nina), now.AddDays(-2), "propose a test drive of the Volt X5");
        await activities.ScheduleFollowUpAsync(s_sophie, PartyRef.Customer(camille), now.AddHours(-3), "book the delivery appointment");
        await activities.ScheduleFollowUpAsync(s_sophie, PartyRef.Customer(camille), now.AddHours(5), "send the charging-station brochure");
        var agenda = await activities.GetAgendaAsync(s_sophie, s_sophie.Id);
        foreach (var followUp in agenda.Overdue)
        {
            console.MarkupLineInterpolated($"  [red]overdue[/] since {followUp.DueAt:yyyy-MM-dd HH:mm} UTC · {followUp.Purpose} ({followUp.Party.Kind})");
        }

        console.MarkupLineInterpolated($"  and {agenda.Due.Count} due in the next 24 hours");

        Step(console, "CRM → ERP", "Sophie records the order; the ERP takes it over");
        var volt = await fulfilment.GetProductAsync(s_sophie, suv);
        var orderId = await sales.SubmitAsync(s_sophie, camille, [new OrderLine(suv, 1, volt.ListPrice, volt.VatRate)]);
        await ShowCrmStatusAsync(console, sales, dispatcher, orderId);

        Step(console, "ERP → CRM", "The warehouse prepares and ships it");
        await fulfilment.StartPreparationAsync(s_marc, orderId);
        await ShowCrmStatusAsync(console, sales, dispatcher, orderId);
        await fulfilment.ShipAsync(s_marc, orderId);
        await ShowCrmStatusAsync(console, sales, dispatcher, orderId);

        Step(console, "ERP → CRM", "Accounting invoices it and records the payment");
        var invoice = await billing.IssueInvoiceAsync(s_claire, orderId);
        await ShowCrmStatusAsync(console, sales, dispatcher, orderId);
        console.MarkupLineInterpolated(
            $"  Invoice [bold]{invoice.Number}[/] to {invoice.BillTo.Name}: {FormatMoney(invoice.Vat.TotalNet)} + VAT {FormatMoney(invoice.Vat.TotalVat)} = {FormatMoney(invoice.Total)}, due {invoice.DueDate:yyyy-MM-dd}");
        var paid = await billing.RecordPaymentAsync(s_claire, invoice.Id, invoice.Total, "bank transfer");
        await ShowCrmStatusAsync(console, sales, dispatcher, orderId);
        console.MarkupLineInterpolated($"  Payment of {FormatMoney(paid.AmountPaid)} recorded; balance due: {FormatMoney(paid.Balance)}");

        var history = new Table().Title("Order status history, as the CRM sees it").AddColumns("Version", "Status", "At (UTC)", "By", "Reason");
        foreach (var change in (await sales.GetAsync(s_sophie, orderId)).History)
        {
            history.AddRow(
                change.Version.ToString(CultureInfo.InvariantCulture), change.Status.ToString(), change.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
                change.Actor is { } actor ? NameOf(actor) : "ERP (automatic)", Markup.Escape(change.Reason ?? string.Empty));
        }

        console.Write(history);

        Step(console, "CRM → ERP → CRM", "A fleet order larger than the stock waits, and a delivery fills it");
        var fleetOrder = await sales.SubmitAsync(s_sophie, camille, [new OrderLine(suv, 6, volt.ListPrice, volt.VatRate)]);
        await ShowCrmStatusAsync(console, sales, dispatcher, fleetOrder);
        var delivery = await fulfilment.ReceiveStockAsync(s_marc, suv, 2);
        console.MarkupLineInterpolated($"  2 SUVs received: {delivery.ConfirmedOrders.Count} backordered order(s) confirmed");
        await ShowCrmStatusAsync(console, sales, dispatcher, fleetOrder);

        Step(console, "CRM", "Targeted campaign: a promotion to everyone interested in SUVs who agreed to receive it");
        var lea = await customers.CreateIndividualAsync(s_sophie, "Léa", "Garnier", ContactDetails.Parse("lea.garnier@example.fr", null));
        await customers.AddInterestAsync(s_sophie, lea, ProductSegment.Suv);
        var promotion = await campaigns.CreateAsync(
            s_manon, "SUV spring promotion", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email,
            CampaignMessage.Create("{model}: {offer}", "Bonjour {firstName}, the {model} is yours with {offer} this month.", "Volt X5 SUV", "a free wall box"));
        var audience = await campaigns.LaunchAsync(s_manon, promotion);
        var results = await campaigns.SendPendingAsync(s_manon, promotion);
        foreach (var message in services.GetRequiredService<InMemoryMessageSender>().Sent)
        {
            console.MarkupLineInterpolated($"  → {message.To}: {message.Body}");
        }

        console.MarkupLineInterpolated(
            $"  Campaign sent: {results.Sent} sent, {results.Failed} failed · left out: {audience.WithoutConsent} without consent, {audience.Duplicates} duplicate contact(s)");

        Step(console, "Access", "The brief's problem scenario: why can't Manon see Camille's contact details?");
        var explanation = await services.GetRequiredService<AccessDiagnostics>().ExplainContactAccessAsync(s_manon, camille);
        foreach (var line in explanation.ToString().Split('\n'))
        {
            console.MarkupLineInterpolated($"  {line}");
        }

        Step(console, "KPI", "The sales director's dashboard, this month (Europe/Paris)");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ReportingPeriod.DefaultTimeZone).Date);
        var month = new DateOnly(today.Year, today.Month, 1);
        var report = await dashboard.GetAsync(s_helene, new ReportingPeriod(month, month.AddMonths(1), TimeBucket.Month));
        var kpis = new Table().AddColumns("KPI", "Value");
        kpis.AddRow("New orders", report.NewOrders.TotalOrders.ToString(CultureInfo.InvariantCulture));
        kpis.AddRow(
            "Lead → customer conversion",
            report.Conversion.Rate is { } rate
                ? $"{rate:P0} ({report.Conversion.Numerator} of {report.Conversion.Denominator} leads)"
                : "no leads in the period");
        foreach (var row in report.Revenue.Segments)
        {
            kpis.AddRow($"Revenue (net of VAT) — {row.Segment}", FormatMoney(row.Net));
        }

        foreach (var total in report.Revenue.Totals)
        {
            kpis.AddRow("Revenue (net of VAT) — total", FormatMoney(total));
        }

        console.Write(kpis);
    }

    private static async Task ShowCrmStatusAsync(IAnsiConsole console, SalesOrderService sales, OutboxDispatcher dispatcher, OrderId orderId)
    {
        await dispatcher.DrainAsync();
        var view = await sales.GetAsync(s_sophie, orderId);
        console.MarkupLineInterpolated($"  CRM sees order {orderId.ToString()[..8]}… as [bold]{view.Status}[/] (version {view.Version})");
    }

    private static void Step(IAnsiConsole console, string side, string title) =>
        console.MarkupLineInterpolated($"\n[blue]{side}[/] · {title}");

    private static string NameOf(UserId id) =>
        new[] { s_admin, s_sophie, s_marc, s_claire, s_helene, s_manon }.FirstOrDefault(u => u.Id == id)?.Name ?? id.ToString();

    private static string FormatMoney(Money money) =>
        string.Create(CultureInfo.InvariantCulture, $"{money.Amount:N2} {money.Currency.Code}");
}
