using System.Collections.Concurrent;

namespace EcoDrive.Application.Tests.Services;

/// <summary>The guarantees of DESIGN.md §4 under load, through the application services on the in-memory adapters.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Submit_1000OrdersFrom32TasksFor100Units_ConfirmsExactly100AndBackorders900()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 100);
        var camille = await host.AddCamilleAsync();
        var orders = new ConcurrentBag<OrderId>();

        // Two dispatchers run while 32 tasks submit: intakes race for the same stock item and are retried from a fresh read.
        var submitting = Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (_, cancellationToken) => orders.Add(await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)], cancellationToken)));
        await Task.WhenAll(submitting, DispatchUntil(host, submitting), DispatchUntil(host, submitting));
        await host.Dispatcher.DrainAsync();

        var erp = await Task.WhenAll(orders.Select(id => host.Fulfilment.GetOrderAsync(TestHost.Admin, id)));
        var crm = await Task.WhenAll(orders.Select(id => host.Sales.GetAsync(TestHost.Sophie, id)));
        Assert.Equal(100, erp.Count(o => o.Status == OrderStatus.Confirmed));
        Assert.Equal(900, erp.Count(o => o.Status == OrderStatus.Backordered));
        Assert.Equal(100, crm.Count(o => o.Status == OrderStatus.Confirmed));
        Assert.Equal(900, crm.Count(o => o.Status == OrderStatus.Backordered));
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Marc, suv);
        Assert.Equal((100, 100, 900), (stock.OnHand, stock.Reservations.Count, stock.Backorders.Count));

        var receipt = await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, 50);
        Assert.Equal(stock.Backorders.Take(50).Select(b => b.OrderId), receipt.ConfirmedOrders);
    }

    [Fact]
    public async Task ReceiveStock_WhileOrdersArrive_NeverLeavesAnOrderWaitingForStockOnTheShelf()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var camille = await host.AddCamilleAsync();

        var submitting = Parallel.ForEachAsync(
            Enumerable.Range(0, 200),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, cancellationToken) => await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)], cancellationToken));
        var receiving = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, 1);
            }
        });
        await Task.WhenAll(submitting, receiving, DispatchUntil(host, submitting), DispatchUntil(host, submitting));
        await host.Dispatcher.DrainAsync();

        var stock = await host.Fulfilment.GetStockAsync(TestHost.Marc, suv);
        Assert.Equal((100, 100, 100), (stock.OnHand, stock.Reservations.Count, stock.Backorders.Count));
    }

    [Fact]
    public async Task IssueInvoice_1000From16Tasks_NumbersOneToThousandWithoutGapOrDuplicate()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1000);
        var camille = await host.AddCamilleAsync();
        var shipped = new List<OrderId>();
        for (var i = 0; i < 1000; i++)
        {
            shipped.Add(await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]));
        }

        await host.Dispatcher.DrainAsync();
        foreach (var orderId in shipped)
        {
            await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
            await host.Fulfilment.ShipAsync(TestHost.Marc, orderId);
        }

        var numbers = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            shipped,
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (orderId, cancellationToken) => numbers.Add((await host.Billing.IssueInvoiceAsync(TestHost.Claire, orderId, cancellationToken: cancellationToken)).Number.ToString()));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"FA-2026-{i:D6}"), numbers.Order(StringComparer.Ordinal));
    }

    private static async Task DispatchUntil(TestHost host, Task submitting)
    {
        while (!submitting.IsCompleted)
        {
            if (await host.Dispatcher.DispatchDueAsync() == 0)
            {
                await Task.Delay(1);
            }
        }
    }
}
