using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Application;
using EcoDrive.Application.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

internal sealed class GenerateSettings : EcoDriveSettings
{
    [CommandOption("--customers <N>")]
    [Description("How many customers (default: 100); each comes from a won lead, and about as many leads again are lost or still open.")]
    public int Customers { get; init; } = 100;

    [CommandOption("--orders <N>")]
    [Description("How many orders over the last 12 months, spread over the customers (default: 200).")]
    public int Orders { get; init; } = 200;

    [CommandOption("--batch <N>")]
    [Description("Orders per imported batch, one transaction each (default: 10000).")]
    public int Batch { get; init; } = 10_000;

    [CommandOption("--seed <N>")]
    [Description("Seed of the random choices, for repeatable data (default: 7).")]
    public int Seed { get; init; } = 7;

    public override ValidationResult Validate() =>
        !base.Validate().Successful ? base.Validate()
        : Customers < 1 ? ValidationResult.Error("--customers must be at least 1.")
        : Orders < 0 ? ValidationResult.Error("--orders cannot be negative.")
        : Batch < 1 ? ValidationResult.Error("--batch must be at least 1.")
        : ValidationResult.Success();
}

/// <summary>
/// A year of demo history at scale through the SDK's history import (<see cref="HistoryImportService"/>), as a dealer
/// would import it from a previous system: batches in time order, each holding the customers of its days, their
/// leads, and their orders with status history and invoices. The SDK checks, replays and numbers everything, and
/// reads the next batch while it writes the current one; this command only makes up the people and the dates.
/// </summary>
internal sealed class GenerateCommand(IAnsiConsole console) : EcoDriveCommand<GenerateSettings>(console)
{
    private static readonly string[] s_firstNames = ["Camille", "Lucas", "Chloé", "Hugo", "Inès", "Louis", "Léa", "Jules", "Manon", "Nathan"];
    private static readonly string[] s_lastNames = ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Garcia", "Roux", "Fournier"];
    private static readonly string[] s_cities = ["Lyon", "Villeurbanne", "Grenoble", "Saint-Étienne", "Annecy"];
    private static readonly LeadChannel[] s_channels = [LeadChannel.Website, LeadChannel.Showroom, LeadChannel.Referral, LeadChannel.Event, LeadChannel.Phone];

    protected override bool CreatesDatabase => true;

    protected override bool Bulk => true;

    protected override async Task<int> RunAsync(EcoDriveSession session, GenerateSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        Console.MarkupLineInterpolated($"[grey]{texts.Database}: {settings.DatabasePath}[/]");
        var import = session.Get<HistoryImportService>();
        var products = await CatalogueAsync(session.Get<FulfilmentService>(), cancellationToken);
        var now = session.Get<TimeProvider>().GetUtcNow();
        var plan = new HistoryPlan(settings, products, now);
        var total = HistoryImportReport.Empty;
        var stopwatch = Stopwatch.StartNew();

        await Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var customers = progress.AddTask(texts.Customers, maxValue: settings.Customers);
                var orders = progress.AddTask(texts.NewOrders, maxValue: Math.Max(settings.Orders, 1));
                var batches = Enumerable.Range(0, plan.Batches).Select(plan.Batch).ToAsyncEnumerable();
                total = await import.ImportAsync(
                    DemoUsers.Admin,
                    batches,
                    new ProgressBars(report => (customers.Value, orders.Value) = (report.Customers, report.Orders)),
                    cancellationToken);
                orders.Value = orders.MaxValue;
            });

        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.MarkupLineInterpolated(
            $"[green]{texts.Format(texts.Generated, total.Customers, total.Leads, total.Orders, total.Invoices, seconds, total.Rows / Math.Max(seconds, 0.001))}[/]");
        return 0;
    }

    private static async Task<IReadOnlyList<Product>> CatalogueAsync(FulfilmentService fulfilment, CancellationToken cancellationToken)
    {
        var products = await fulfilment.ListProductsAsync(DemoUsers.Admin, cancellationToken: cancellationToken);
        if (products.Count == 0)
        {
            await fulfilment.AddProductAsync(DemoUsers.Admin, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, 2, cancellationToken);
            await fulfilment.AddProductAsync(DemoUsers.Admin, "Urbo city car", ProductSegment.CityCar, Money.Euros(21_500m), VatRate.FrenchStandard, cancellationToken: cancellationToken);
            await fulfilment.AddProductAsync(DemoUsers.Admin, "Cargo E-Van", ProductSegment.Utility, Money.Euros(35_900m), VatRate.FrenchStandard, cancellationToken: cancellationToken);
            products = await fulfilment.ListProductsAsync(DemoUsers.Admin, cancellationToken: cancellationToken);
        }

        return [.. products.Select(p => new Product(p.Id, p.Segment, p.ListPrice, p.VatRate))];
    }

    private sealed record Product(ProductId Id, ProductSegment Segment, Money Price, VatRate VatRate);

    /// <summary>Moves the bars as each batch commits, on the importer's thread (<see cref="Progress{T}"/> would post it later).</summary>
    private sealed class ProgressBars(Action<HistoryImportReport> report) : IProgress<HistoryImportReport>
    {
        public void Report(HistoryImportReport value) => report(value);
    }

    /// <summary>
    /// Made-up history over the last 365 days, cut into time slices, one batch each: every event of a batch (and so every
    /// invoice) falls in its slice, so batches come in the chronological order that invoice numbers need.
    /// </summary>
    private sealed class HistoryPlan(GenerateSettings settings, IReadOnlyList<Product> products, DateTimeOffset now)
    {
        private static readonly TimeSpan Year = TimeSpan.FromDays(365);
        private readonly string _run = Guid.CreateVersion7().ToString("N")[^8..];
        private readonly UserId[] _salespeople = [DemoUsers.Sophie.Id, DemoUsers.Helene.Id];

        public int Batches { get; } = Math.Max(1, Math.Max((settings.Orders + settings.Batch - 1) / settings.Batch, settings.Customers / Math.Max(1, settings.Batch)));

        public HistoryBatch Batch(int index)
        {
            var random = new Random(HashCode.Combine(settings.Seed, index));
            var from = now - Year + (Year * index / Batches);
            var to = now - Year + (Year * (index + 1) / Batches);
            var span = to - from;
            var customers = new List<Customer>();
            var leads = new List<Lead>();
            for (var i = Share(settings.Customers, index); i < Share(settings.Customers, index + 1); i++)
            {
                var owner = _salespeople[random.Next(_salespeople.Length)];
                var wonAt = from + (span * random.NextDouble() * 0.5);
                var (first, last) = (s_firstNames[random.Next(s_firstNames.Length)], s_lastNames[random.Next(s_lastNames.Length)]);
                var contact = ContactDetails.Parse(
                    string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{_run}.{i}@example.fr").ToLowerInvariant(),
                    null,
                    new PostalAddress(string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(99)} rue de la République"), "69002", s_cities[random.Next(s_cities.Length)]));
                var interest = products[random.Next(products.Count)].Segment;
                var customer = Customer.CreateIndividual(CustomerId.New(), first, last, contact, wonAt);
                customer.AssignOwner(owner);
                customer.AddInterest(interest);
                customers.Add(customer);

                var lead = Lead.Capture(LeadId.New(), first, last, contact, LeadSource.From(s_channels[random.Next(s_channels.Length)]), [interest], owner, wonAt - TimeSpan.FromDays(1 + random.Next(10)));
                lead.Contact(owner, lead.CreatedAt.AddHours(2));
                lead.Qualify(owner, lead.CreatedAt.AddDays(1));
                lead.Win(customer.Id, owner, wonAt);
                leads.Add(lead);

                // About as many prospects again who did not buy: lost, or still being worked.
                var prospect = Lead.Capture(
                    LeadId.New(), s_firstNames[random.Next(s_firstNames.Length)], last, ContactDetails.None, LeadSource.From(s_channels[random.Next(s_channels.Length)]),
                    [interest], owner, from + (span * random.NextDouble() * 0.5));
                if (random.Next(3) > 0)
                {
                    prospect.Contact(owner, prospect.CreatedAt + (span * 0.1));
                    prospect.Lose(random.Next(2) == 0 ? "bought a used car" : "price", owner, prospect.CreatedAt + (span * 0.25));
                }

                leads.Add(prospect);
            }

            var orders = new List<ImportedOrder>();
            for (var i = Share(settings.Orders, index); i < Share(settings.Orders, index + 1) && customers.Count > 0; i++)
            {
                var customer = customers[random.Next(customers.Count)];
                var product = products[random.Next(products.Count)];
                var submitted = customer.CreatedAt + ((to - customer.CreatedAt) * random.NextDouble() * 0.5);
                var left = to - submitted;
                var at = (double share) => submitted + (left * share);
                var roll = random.Next(100);
                IReadOnlyList<ImportedStatusChange> changes = roll switch
                {
                    < 4 => [new(OrderStatus.Rejected, at(0.01), null, "customer not eligible for the leasing offer")],
                    < 8 => [new(OrderStatus.Confirmed, at(0.01)), new(OrderStatus.Cancelled, at(0.2), customer.OwnerId, "customer changed their mind")],
                    _ => Delivered(at, at(0.7) + TimeSpan.FromDays(1 + random.Next(45))),
                };
                orders.Add(new ImportedOrder(OrderId.New(), customer.Id, customer.OwnerId!.Value, [new OrderLine(product.Id, 1, product.Price, product.VatRate)], submitted, changes));
            }

            return new HistoryBatch(customers, leads, orders);
        }

        private IReadOnlyList<ImportedStatusChange> Delivered(Func<double, DateTimeOffset> at, DateTimeOffset paidAt)
        {
            var warehouse = DemoUsers.Marc.Id;
            var accounting = DemoUsers.Claire.Id;
            ImportedStatusChange[] delivered =
            [
                new(OrderStatus.Confirmed, at(0.01)),
                new(OrderStatus.InPreparation, at(0.2), warehouse),
                new(OrderStatus.Shipped, at(0.5), warehouse),
                new(OrderStatus.Invoiced, at(0.7), accounting),
            ];
            return paidAt <= now ? [.. delivered, new(OrderStatus.Paid, paidAt, accounting)] : delivered;
        }

        private int Share(int total, int batch) => (int)((long)total * batch / Batches);
    }
}
