using System.Globalization;
using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Application.Access;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using EcoDrive.Storage.InMemory;
using Spectre.Console;
using static EcoDrive.Samples.Console.DemoUsers;

namespace EcoDrive.Samples.Console;

/// <summary>
/// The brief's scenario, told through the SDK's application services only. The catalogue is created once; each run
/// is a new chapter with a new customer, lead, orders and invoice, so the dashboard grows with every run.
/// </summary>
internal static class BriefStory
{
    private static readonly (string First, string Last, string Email)[] s_customers =
    [
        ("Camille", "Martin", "camille.martin"), ("Lucas", "Bernard", "lucas.bernard"), ("Chloé", "Dubois", "chloe.dubois"),
        ("Hugo", "Moreau", "hugo.moreau"), ("Inès", "Laurent", "ines.laurent"), ("Louis", "Simon", "louis.simon"),
    ];

    public static async Task<int> RunAsync(IAnsiConsole console, EcoDriveSession session, Texts t)
    {
        var customers = session.Get<CustomerService>();
        var leads = session.Get<LeadService>();
        var sales = session.Get<SalesOrderService>();
        var fulfilment = session.Get<FulfilmentService>();
        var billing = session.Get<BillingService>();
        var dispatcher = session.Get<OutboxDispatcher>();
        var now = session.Get<TimeProvider>().GetUtcNow();

        var chapter = (await billing.ListInvoicesAsync(Claire)).Count + 1;
        var person = s_customers[(chapter - 1) % s_customers.Length];
        var tag = chapter.ToString(CultureInfo.InvariantCulture);
        console.Write(new Rule($"[green]EcoDrive[/] — {t.Chapter} {chapter}").LeftJustified());

        Step(console, "ERP", t.StepCatalogue);
        var products = await fulfilment.ListProductsAsync(Admin);
        var suv = products.FirstOrDefault(p => p.Name == "Volt X5 SUV")?.Id;
        var cityCar = products.FirstOrDefault(p => p.Name == "Urbo city car")?.Id;
        console.MarkupLine("  " + (suv is null ? t.CatalogueCreated : t.CatalogueExists));
        suv ??= await fulfilment.AddProductAsync(Admin, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, reorderPoint: 2);
        cityCar ??= await fulfilment.AddProductAsync(Admin, "Urbo city car", ProductSegment.CityCar, Money.Euros(21_500m), VatRate.FrenchStandard);
        await fulfilment.ReceiveStockAsync(Marc, suv.Value, 3);
        await fulfilment.ReceiveStockAsync(Marc, cityCar.Value, 2);
        foreach (var level in await fulfilment.ListStockLevelsAsync(Marc))
        {
            console.MarkupLineInterpolated($"  {level.ProductName}: {level.OnHand} / {t.Available} {level.Available}");
        }

        Step(console, "Core", t.Format(t.StepCustomer, $"{person.First} {person.Last}"));
        var contact = ContactDetails.Parse(
            $"{person.Email}.{tag}@example.fr", $"06 12 {chapter / 10000 % 100:00} {chapter / 100 % 100:00} {chapter % 100:00}",
            new PostalAddress("12 rue des Lilas", "69003", "Lyon"));
        var customer = await customers.CreateIndividualAsync(Sophie, person.First, person.Last, contact);
        await customers.AddInterestAsync(Sophie, customer, ProductSegment.Suv);
        await customers.GrantMarketingConsentAsync(Sophie, customer, "showroom form");
        var record = await customers.GetAsync(Sophie, customer);
        console.MarkupLineInterpolated($"  {record.FirstName} {record.LastName} · {record.Email} · {record.Phone} · {string.Join(", ", record.Interests)}");

        Step(console, "CRM", t.StepLead);
        var lead = await leads.CaptureAsync(Sophie, person.First, person.Last, contact, LeadSource.From(LeadChannel.Showroom), [ProductSegment.Suv]);
        await leads.ContactAsync(Sophie, lead);
        await leads.QualifyAsync(Sophie, lead);
        await leads.SendOfferAsync(Sophie, lead);
        var wonCustomer = await leads.WinAsync(Sophie, lead);
        console.MarkupLine("  " + (wonCustomer == customer ? t.LeadLinked : t.LeadDuplicate));
        var lostLead = await leads.CaptureAsync(
            Sophie, "Jules", "Petit", ContactDetails.Parse($"jules.petit.{tag}@example.fr", null), LeadSource.From(LeadChannel.Website), [ProductSegment.CityCar]);
        await leads.LoseAsync(Sophie, lostLead, "bought a used car");
        console.MarkupLine("  " + t.LeadLost);
        var nina = await leads.CaptureAsync(
            Sophie, "Nina", "Roux", ContactDetails.Parse($"nina.roux.{tag}@example.fr", null), LeadSource.From(LeadChannel.Event), [ProductSegment.Suv]);
        await leads.GrantMarketingConsentAsync(Sophie, nina, "Lyon EV fair form");

        Step(console, "CRM", t.StepFollowUps);
        if (session.Stores<IFollowUpRepository>())
        {
            var activities = session.Get<SalesActivityService>();
            await activities.ScheduleFollowUpAsync(Sophie, PartyRef.Lead(nina), now.AddDays(-2), "propose a test drive of the Volt X5");
            await activities.ScheduleFollowUpAsync(Sophie, PartyRef.Customer(customer), now.AddHours(-3), "book the delivery appointment");
            await activities.ScheduleFollowUpAsync(Sophie, PartyRef.Customer(customer), now.AddHours(5), "send the charging-station brochure");
            var agenda = await activities.GetAgendaAsync(Sophie, Sophie.Id);
            foreach (var followUp in agenda.Overdue)
            {
                console.MarkupLineInterpolated($"  [red]{t.Overdue}[/] {t.Time(followUp.DueAt)} · {followUp.Purpose} ({followUp.Party.Kind})");
            }

            console.MarkupLine("  " + t.Format(t.DueSoon, agenda.Due.Count));
        }
        else
        {
            Skip(console, t, "follow-ups");
        }

        Step(console, "CRM → ERP", t.StepOrder);
        var volt = await fulfilment.GetProductAsync(Sophie, suv.Value);
        var orderId = await sales.SubmitAsync(Sophie, customer, [new OrderLine(suv.Value, 1, volt.ListPrice, volt.VatRate)]);
        await ShowCrmStatusAsync(console, t, sales, dispatcher, orderId);

        Step(console, "ERP → CRM", t.StepShip);
        await fulfilment.StartPreparationAsync(Marc, orderId);
        await ShowCrmStatusAsync(console, t, sales, dispatcher, orderId);
        await fulfilment.ShipAsync(Marc, orderId);
        await ShowCrmStatusAsync(console, t, sales, dispatcher, orderId);

        Step(console, "ERP → CRM", t.StepInvoice);
        var invoice = await billing.IssueInvoiceAsync(Claire, orderId);
        await ShowCrmStatusAsync(console, t, sales, dispatcher, orderId);
        console.MarkupLineInterpolated(
            $"  {t.Format(t.InvoiceLine, invoice.Number, invoice.BillTo.Name, t.Money(invoice.Vat.TotalNet), t.Money(invoice.Vat.TotalVat), t.Money(invoice.Total), t.Date(invoice.DueDate))}");
        var paid = await billing.RecordPaymentAsync(Claire, invoice.Id, invoice.Total, "bank transfer");
        await ShowCrmStatusAsync(console, t, sales, dispatcher, orderId);
        console.MarkupLineInterpolated($"  {t.Format(t.PaymentLine, t.Money(paid.AmountPaid), t.Money(paid.Balance))}");
        console.Write(OrderTables.History(t, await sales.GetAsync(Sophie, orderId)));

        Step(console, "CRM → ERP → CRM", t.StepBackorder);
        var available = (await fulfilment.ListStockLevelsAsync(Marc)).Single(l => l.ProductId == suv.Value).Available;
        var fleetOrder = await sales.SubmitAsync(Sophie, customer, [new OrderLine(suv.Value, available + 2, volt.ListPrice, volt.VatRate)]);
        await ShowCrmStatusAsync(console, t, sales, dispatcher, fleetOrder);
        var delivery = await fulfilment.ReceiveStockAsync(Marc, suv.Value, 2);
        console.MarkupLineInterpolated($"  {t.Format(t.DeliveryLine, 2, delivery.ConfirmedOrders.Count)}");
        await ShowCrmStatusAsync(console, t, sales, dispatcher, fleetOrder);

        Step(console, "CRM", t.StepCampaign);
        if (session.Stores<ICampaignRepository>())
        {
            var campaigns = session.Get<CampaignService>();
            var promotion = await campaigns.CreateAsync(
                Manon, $"SUV promotion, chapter {tag}", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email,
                CampaignMessage.Create("{model}: {offer}", "Bonjour {firstName}, the {model} is yours with {offer} this month.", "Volt X5 SUV", "a free wall box"));
            var audience = await campaigns.LaunchAsync(Manon, promotion);
            var results = await campaigns.SendPendingAsync(Manon, promotion);
            foreach (var message in session.Get<InMemoryMessageSender>().Sent)
            {
                console.MarkupLineInterpolated($"  → {message.To}: {message.Body}");
            }

            console.MarkupLineInterpolated($"  {t.Format(t.CampaignResult, results.Sent, results.Failed, audience.WithoutConsent, audience.Duplicates)}");
        }
        else
        {
            Skip(console, t, "campaigns");
        }

        Step(console, "Access", t.Format(t.StepAccess, person.First));
        var explanation = await session.Get<AccessDiagnostics>().ExplainContactAccessAsync(Manon, customer);
        console.Write(AccessTable.Of(explanation));

        Step(console, "KPI", t.StepDashboard);
        var report = await session.Get<DashboardService>().GetAsync(Helene, DashboardView.ThisMonth(now));
        var previous = await session.Get<DashboardService>().GetAsync(Helene, report.Period.Previous());
        DashboardView.Write(console, t, report, previous);
        return 0;
    }

    private static async Task ShowCrmStatusAsync(IAnsiConsole console, Texts t, SalesOrderService sales, OutboxDispatcher dispatcher, OrderId orderId)
    {
        await dispatcher.DrainAsync();
        var view = await sales.GetAsync(Sophie, orderId);
        console.MarkupLineInterpolated($"  {t.Format(t.CrmSees, orderId.ToString()[..8] + "…", view.Status, view.Version)}");
    }

    private static void Step(IAnsiConsole console, string side, string title) =>
        console.MarkupLineInterpolated($"\n[blue]{side}[/] · {title}");

    private static void Skip(IAnsiConsole console, Texts t, string what) =>
        console.MarkupLineInterpolated($"  [yellow]{t.Format(t.NotOnSqlite, what)}[/]");
}
