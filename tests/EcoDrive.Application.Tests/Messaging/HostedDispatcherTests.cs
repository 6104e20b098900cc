using EcoDrive.Application.Messaging;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoDrive.Application.Tests.Messaging;

/// <summary>
/// The dispatcher of <c>AddEcoDriveDispatcher</c>, started as a host starts its hosted services: orders flow CRM → ERP →
/// CRM with nobody calling the dispatcher.
/// </summary>
public sealed class HostedDispatcherTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SubmitOrder_WithTheHostedDispatcher_ReachesConfirmedInTheCrmOnItsOwn()
    {
        // A poll interval far longer than the test: once the dispatcher found nothing to do and went to sleep, only the
        // commit of the order can wake it in time.
        var claims = new ClaimWatch();
        await using var host = NewHost(o => o.PollInterval = TimeSpan.FromHours(1), watch: claims);
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();
        var hosted = await StartAsync(host);
        await claims.Idle.WaitAsync(s_patience);

        var order = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);

        Assert.Equal(OrderStatus.Confirmed, await WaitForFinalStatusAsync(host, order));
        await StopAsync(hosted);
        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
    }

    [Fact]
    public async Task SubmitOrder_InAnotherProcess_IsDeliveredAtTheNextPoll()
    {
        // Two applications on one database: the one that takes orders runs no dispatcher, and its commits cannot wake
        // the other's, which finds the orders by polling.
        var database = new InMemoryDatabase();
        await using var front = new TestHost(services => services.AddSingleton(database).AddEcoDriveInMemoryStorage());
        await using var back = NewHost(o => o.PollInterval = TimeSpan.FromMilliseconds(50), database);
        var suv = await front.AddSuvAsync(inStock: 1);
        var camille = await front.AddCamilleAsync();
        var hosted = await StartAsync(back);

        var order = await front.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]);

        Assert.Equal(OrderStatus.Confirmed, await WaitForFinalStatusAsync(front, order));
        await StopAsync(hosted);
    }

    [Fact]
    public async Task SubmitOrders_WithParallelLoops_SettlesEachOnceWithoutOverselling()
    {
        await using var host = NewHost(o => (o.Parallelism, o.BatchSize, o.PollInterval) = (4, 3, TimeSpan.FromMilliseconds(50)));
        var suv = await host.AddSuvAsync(inStock: 10);
        var camille = await host.AddCamilleAsync();
        var hosted = await StartAsync(host);

        var orders = new List<OrderId>();
        for (var i = 0; i < 30; i++)
        {
            orders.Add(await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]));
        }

        var statuses = new List<OrderStatus>();
        foreach (var order in orders)
        {
            statuses.Add(await WaitForFinalStatusAsync(host, order));
        }

        await StopAsync(hosted);
        Assert.Equal(10, statuses.Count(s => s == OrderStatus.Confirmed));
        Assert.Equal(20, statuses.Count(s => s == OrderStatus.Backordered));
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Admin, suv);
        Assert.Equal(10, stock.Reservations.Sum(r => r.Quantity));
        Assert.Equal(10, stock.Reservations.Select(r => r.OrderId).Distinct().Count());
        foreach (var (order, status) in orders.Zip(statuses))
        {
            var erp = await host.Fulfilment.GetOrderAsync(TestHost.Admin, order);
            Assert.Equal([OrderStatus.Submitted, status], erp.History.Select(h => h.Status));
        }

        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
    }

    private static TestHost NewHost(Action<OutboxDispatcherOptions> configure, InMemoryDatabase? database = null, ClaimWatch? watch = null) => new(services =>
    {
        if (database is not null)
        {
            services.AddSingleton(database);
        }

        services.AddEcoDriveInMemoryStorage();
        watch?.Install(services);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddEcoDriveDispatcher(configure);
    });

    private static async Task<IHostedService[]> StartAsync(TestHost host)
    {
        var hosted = host.Get<IEnumerable<IHostedService>>().ToArray();
        Assert.NotEmpty(hosted);
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return hosted;
    }

    private static async Task StopAsync(IHostedService[] hosted)
    {
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None).WaitAsync(s_patience);
        }
    }

    /// <summary>Sees the dispatcher's claims: <see cref="Idle"/> completes once a claim found nothing due.</summary>
    private sealed class ClaimWatch
    {
        private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Idle => _idle.Task;

        public void Install(IServiceCollection services)
        {
            var outbox = services.Single(d => d.ServiceType == typeof(IOutbox));
            services.Replace(ServiceDescriptor.Scoped<IOutbox>(sp => new Watched((IOutbox)outbox.ImplementationFactory!(sp), this)));
        }

        private sealed class Watched(IOutbox inner, ClaimWatch watch) : IOutbox
        {
            public void Enqueue(IntegrationMessage message) => inner.Enqueue(message);

            public void MarkDelivered(Guid messageId) => inner.MarkDelivered(messageId);

            public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
            {
                var claimed = await inner.ClaimDueAsync(now, maxCount, cancellationToken);
                if (claimed.Count == 0)
                {
                    watch._idle.TrySetResult();
                }

                return claimed;
            }
        }
    }

    /// <summary>Polls the CRM view until the order is confirmed or backordered; fails after a few seconds.</summary>
    private static async Task<OrderStatus> WaitForFinalStatusAsync(TestHost host, OrderId order)
    {
        using var timeout = new CancellationTokenSource(s_patience);
        while (true)
        {
            var status = (await host.Sales.GetAsync(TestHost.Sophie, order)).Status;
            if (status is OrderStatus.Confirmed or OrderStatus.Backordered)
            {
                return status;
            }

            Assert.False(timeout.IsCancellationRequested, $"order {order} still {status} after {s_patience.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
