using System.ComponentModel;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Application;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

/// <summary>Stock per product, with what is reserved and backordered.</summary>
internal sealed class StockCommand(IAnsiConsole console) : EcoDriveCommand<EcoDriveSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, EcoDriveSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        if (!session.Stores<IPurchaseOrderRepository>())
        {
            // Stock levels include what open purchase orders still bring.
            throw new UsageException(texts.Format(texts.NotOnSqlite, "purchase orders"));
        }

        var levels = await session.Get<FulfilmentService>().ListStockLevelsAsync(DemoUsers.Marc, cancellationToken: cancellationToken);
        var table = new Table().AddColumns(texts.Product, texts.Segment, texts.OnHand, texts.Reserved, texts.Backordered, texts.Available, texts.ReorderPoint);
        var chart = new BarChart().Label(texts.Available).Width(60);
        foreach (var level in levels)
        {
            table.AddRow(level.ProductName, level.Segment.ToString(), Count(level.OnHand), Count(level.Reserved), Count(level.Backordered), Count(level.Available), Count(level.ReorderPoint));
            chart.AddItem(level.ProductName, level.Available, level.Available <= level.ReorderPoint ? Color.Red : Color.Green);
        }

        Console.Write(levels.Count == 0 ? new Text(texts.Nothing) : table);
        if (levels.Count > 0)
        {
            Console.Write(chart);
        }

        return 0;

        string Count(int value) => value.ToString(texts.Culture);
    }
}

internal sealed class InvoicesSettings : EcoDriveSettings
{
    [CommandOption("--overdue")]
    [Description("Only the invoices past their due date with something still due.")]
    public bool Overdue { get; init; }
}

/// <summary>Invoices with what is still due.</summary>
internal sealed class InvoicesCommand(IAnsiConsole console) : EcoDriveCommand<InvoicesSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, InvoicesSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        var billing = session.Get<BillingService>();
        var invoices = settings.Overdue
            ? await billing.ListOverdueAsync(DemoUsers.Claire, cancellationToken)
            : await billing.ListInvoicesAsync(DemoUsers.Claire, cancellationToken: cancellationToken);
        var table = new Table().AddColumns(texts.Invoice, texts.Customer, texts.DueDate, texts.Total, texts.Balance, texts.Settlement);
        foreach (var invoice in invoices)
        {
            table.AddRow(invoice.Number.ToString(), invoice.BillTo.Name, texts.Date(invoice.DueDate), texts.Money(invoice.Total), texts.Money(invoice.Balance), invoice.Settlement.ToString());
        }

        Console.Write(invoices.Count == 0 ? new Text(texts.Nothing) : table);
        return 0;
    }
}
