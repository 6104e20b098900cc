namespace EcoDrive.Application.Tests.Messaging;

public sealed class OrderStatusWatchTests
{
    [Fact]
    public async Task Watch_DuringTheJourney_YieldsEveryStatusOnceInVersionOrderUntilPaid()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<OrderStatusEntry>();
        var watching = Task.Run(async () =>
        {
            await foreach (var change in host.Sales.WatchAsync(TestHost.Sophie, orderId, timeout.Token))
            {
                seen.Add(change);
            }
        });

        await host.Dispatcher.DrainAsync();
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
        await host.Dispatcher.DrainAsync();
        await host.Fulfilment.ShipAsync(TestHost.Marc, orderId);
        await host.Dispatcher.DrainAsync();
        var invoice = await host.Billing.IssueInvoiceAsync(TestHost.Claire, orderId);
        await host.Dispatcher.DrainAsync();
        await host.Billing.RecordPaymentAsync(TestHost.Claire, invoice.Id, invoice.Total);
        await host.Dispatcher.DrainAsync();
        await watching;

        Assert.Equal([1L, 2, 3, 4, 5, 6], seen.Select(c => c.Version));
        Assert.Equal(OrderStatus.Paid, seen[^1].Status);
    }

    [Fact]
    public async Task Watch_OrderAlreadyFinal_ReplaysItsHistoryAndEnds()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(ProductId.New(), 1)]);
        await host.Dispatcher.DrainAsync();

        var seen = new List<OrderStatusEntry>();
        await foreach (var change in host.Sales.WatchAsync(TestHost.Sophie, orderId))
        {
            seen.Add(change);
        }

        Assert.Equal([OrderStatus.Submitted, OrderStatus.Rejected], seen.Select(c => c.Status));
    }
}
