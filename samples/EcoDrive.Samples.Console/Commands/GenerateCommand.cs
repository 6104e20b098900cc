using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Integration.Application;
using EcoDrive.Integration.Messaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

internal sealed class GenerateSettings : EcoDriveSettings
{
    [CommandOption("--customers <N>")]
    [Description("How many customers to create (default: 100).")]
    public int Customers { get; init; } = 100;

    [CommandOption("--orders <N>")]
    [Description("How many orders to submit, spread over the customers (default: 200).")]
    public int Orders { get; init; } = 200;

    [CommandOption("--seed <N>")]
    [Description("Seed of the random choices, for repeatable data (default: 7).")]
    public int Seed { get; init; } = 7;

    public override ValidationResult Validate() =>
        !base.Validate().Successful ? base.Validate()
        : Customers < 1 ? ValidationResult.Error("--customers must be at least 1.")
        : Orders < 0 ? ValidationResult.Error("--orders cannot be negative.")
        : ValidationResult.Success();
}

/// <summary>
/// Demo data at scale through the same application services as the story (the SDK has no bulk import): customers,
/// then orders that the ERP confirms or backorders, then the dispatcher brings every status back to the CRM.
/// </summary>
internal sealed class GenerateCommand(IAnsiConsole console) : EcoDriveCommand<GenerateSettings>(console)
{
    private static readonly string[] s_firstNames = ["Camille", "Lucas", "Chloé", "Hugo", "Inès", "Louis", "Léa", "Jules", "Manon", "Nathan"];
    private static readonly string[] s_lastNames = ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Garcia", "Roux", "Fournier"];

    protected override bool CreatesDatabase => true;

    protected override bool Bulk => true;

    protected override async Task<int> RunAsync(EcoDriveSession session, GenerateSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        Console.MarkupLineInterpolated($"[grey]{texts.Database}: {settings.DatabasePath}[/]");
        var customers = session.Get<CustomerService>();
        var sales = session.Get<SalesOrderService>();
        var fulfilment = session.Get<FulfilmentService>();
        var dispatcher = session.Get<OutboxDispatcher>();
        var random = new Random(settings.Seed);
        var run = Guid.CreateVersion7().ToString("N")[^8..];
        var stopwatch = Stopwatch.StartNew();

        var products = await fulfilment.ListProductsAsync(DemoUsers.Admin, cancellationToken: cancellationToken);
        if (products.Count == 0)
        {
            await fulfilment.AddProductAsync(DemoUsers.Admin, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard, 2, cancellationToken);
            await fulfilment.AddProductAsync(DemoUsers.Admin, "Urbo city car", ProductSegment.CityCar, Money.Euros(21_500m), VatRate.FrenchStandard, cancellationToken: cancellationToken);
            products = await fulfilment.ListProductsAsync(DemoUsers.Admin, cancellationToken: cancellationToken);
        }

        var customerIds = new List<CustomerId>(settings.Customers);
        var delivered = 0;
        await Console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).StartAsync(async progress =>
        {
            var customerTask = progress.AddTask(texts.Customer, maxValue: settings.Customers);
            for (var i = 0; i < settings.Customers; i++)
            {
                var first = s_firstNames[random.Next(s_firstNames.Length)];
                var last = s_lastNames[random.Next(s_lastNames.Length)];
                var email = string.Create(CultureInfo.InvariantCulture, $"customer.{run}.{i}@example.fr");
                customerIds.Add(await customers.CreateIndividualAsync(DemoUsers.Sophie, first, last, ContactDetails.Parse(email, null), cancellationToken));
                customerTask.Increment(1);
            }

            var orderTask = progress.AddTask(texts.NewOrders, maxValue: Math.Max(settings.Orders, 1));
            foreach (var product in products)
            {
                await fulfilment.ReceiveStockAsync(DemoUsers.Marc, product.Id, Math.Max(1, settings.Orders / products.Count), cancellationToken);
            }

            for (var i = 0; i < settings.Orders; i++)
            {
                var product = products[random.Next(products.Count)];
                await sales.SubmitAsync(
                    DemoUsers.Sophie, customerIds[random.Next(customerIds.Count)], [new OrderLine(product.Id, 1, product.ListPrice, product.VatRate)], cancellationToken);
                orderTask.Increment(1);
            }

            var dispatchTask = progress.AddTask("ERP → CRM", maxValue: Math.Max(settings.Orders, 1));
            int batch;
            while ((batch = await dispatcher.DispatchDueAsync(500, cancellationToken)) > 0)
            {
                delivered += batch;
                dispatchTask.Value = Math.Min(delivered, dispatchTask.MaxValue);
            }

            dispatchTask.Value = dispatchTask.MaxValue;
        });

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var rows = settings.Customers + settings.Orders;
        Console.MarkupLineInterpolated($"[green]{texts.Format(texts.Generated, settings.Customers, settings.Orders, seconds, rows / Math.Max(seconds, 0.001))}[/]");
        return 0;
    }
}
