using EcoDrive.Core.Customers;
using EcoDrive.Application.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Messaging;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Deliver_SameMessageTwice_IsAppliedOnce()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 5);
        var camille = await host.AddCamilleAsync();
        var message = new OrderSubmitted(Guid.CreateVersion7(), host.Clock.GetUtcNow(), OrderId.New(), camille, TestHost.Sophie.Id, [TestHost.Suvs(suv, 2)]);

        await EnqueueAsync(host, message);
        await host.Dispatcher.DrainAsync();
        await EnqueueAsync(host, message);
        var delivered = await host.Dispatcher.DrainAsync();

        Assert.Equal(1, delivered);
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Admin, suv);
        Assert.Equal(2, Assert.Single(stock.Reservations).Quantity);
    }

    [Fact]
    public async Task Deliver_WhenHandlerFails_KeepsTheMessageAndRetriesAfterBackOff()
    {
        await using var host = new TestHost();
        var unknownOrder = OrderId.New();
        await EnqueueAsync(host, new OrderStatusChanged(
            Guid.CreateVersion7(), host.Clock.GetUtcNow(), unknownOrder, new OrderStatusEntry(OrderStatus.Confirmed, host.Clock.GetUtcNow(), null, null, 2)));
        var store = host.Get<IOutboxStore>();

        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync());
        Assert.Equal(1, await store.CountPendingAsync());
        Assert.Empty(await store.GetDueAsync(host.Clock.GetUtcNow(), 10));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var retry = Assert.Single(await store.GetDueAsync(host.Clock.GetUtcNow(), 10));
        Assert.Equal(1, retry.Attempts);
        Assert.Contains("order.not-found", retry.LastError ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_StaleStatusReport_LeavesTheCrmOnTheLatestVersion()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);
        await host.Dispatcher.DrainAsync();
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
        await host.Dispatcher.DrainAsync();

        await EnqueueAsync(host, new OrderStatusChanged(
            Guid.CreateVersion7(), host.Clock.GetUtcNow(), orderId, new OrderStatusEntry(OrderStatus.Confirmed, host.Clock.GetUtcNow(), null, null, 2)));
        await host.Dispatcher.DrainAsync();

        var crm = await host.Sales.GetAsync(TestHost.Sophie, orderId);
        Assert.Equal(OrderStatus.InPreparation, crm.Status);
        Assert.Equal(3, crm.Version);
    }

    [Fact]
    public async Task CreateCustomer_WithTheContactOfAnExistingOne_IsRefusedNamingIt()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var error = await Assert.ThrowsAsync<DuplicateCustomerException>(() =>
            host.Customers.CreateIndividualAsync(TestHost.Sophie, "C.", "Martin", ContactDetails.Parse(null, "+33 6 12 34 56 78")));

        Assert.Equal(camille, error.ExistingId);
        Assert.Equal("customer.duplicate", error.Code);
    }

    private static async Task EnqueueAsync(TestHost host, IntegrationMessage message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(message);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();
    }
}
