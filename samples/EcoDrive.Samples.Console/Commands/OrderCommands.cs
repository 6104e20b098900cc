using System.ComponentModel;
using EcoDrive.Core;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

internal class OrderSettings : EcoDriveSettings
{
    [CommandArgument(0, "<ORDER-ID>")]
    [Description("The order's id, as printed by `demo` above its status history.")]
    public string Id { get; init; } = string.Empty;

    public OrderId OrderId => OrderId.Parse(Id);

    public override ValidationResult Validate() =>
        !base.Validate().Successful ? base.Validate()
        : Guid.TryParse(Id, out var guid) && guid != Guid.Empty ? ValidationResult.Success()
        : ValidationResult.Error($"'{Id}' is not an order id: copy the full id (e.g. 0196a1b2-…) printed by `demo` above the status history.");
}

internal sealed class OrderWatchSettings : OrderSettings
{
    [CommandOption("--for <SECONDS>")]
    [Description("Stop after this many seconds (default: at a final status or Ctrl+C).")]
    public int? Seconds { get; init; }
}

/// <summary>An order's status and history as the CRM sees it.</summary>
internal sealed class OrderStatusCommand(IAnsiConsole console) : EcoDriveCommand<OrderSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, OrderSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        Console.Write(OrderTables.History(texts, await session.Get<SalesOrderService>().GetAsync(DemoUsers.Sophie, settings.OrderId, cancellationToken)));
        return 0;
    }
}

/// <summary>
/// Live status: runs the outbox dispatcher (what moves messages ERP → CRM) and prints each status the CRM applies,
/// until the order reaches a final status, <c>--for</c> elapses or Ctrl+C.
/// </summary>
internal sealed class OrderWatchCommand(IAnsiConsole console) : EcoDriveCommand<OrderWatchSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, OrderWatchSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        var sales = session.Get<SalesOrderService>();
        var order = await sales.GetAsync(DemoUsers.Sophie, settings.OrderId, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Seconds is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        Console.MarkupLineInterpolated($"[grey]{texts.Format(texts.Watching, order.Id)}[/]");
        var table = new Table().AddColumns(texts.Version, texts.Status, texts.At, texts.By, texts.Reason);
        var dispatcher = RunDispatcherAsync(session.Get<OutboxDispatcher>(), stop.Token);
        try
        {
            await Console.Live(table).StartAsync(async live =>
            {
                await foreach (var change in sales.WatchAsync(DemoUsers.Sophie, order.Id, stop.Token))
                {
                    table.AddRow(OrderTables.Row(texts, change));
                    live.Refresh();
                }
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or --for: the updates so far are on screen.
        }
        finally
        {
            await stop.CancelAsync();
            await dispatcher;
        }

        return 0;
    }

    private static async Task RunDispatcherAsync(OutboxDispatcher dispatcher, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (await dispatcher.DispatchDueAsync(cancellationToken: stop) == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
