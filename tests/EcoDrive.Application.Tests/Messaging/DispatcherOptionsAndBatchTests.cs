using EcoDrive.Application.Messaging;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoDrive.Application.Tests.Messaging;

public sealed class DispatcherOptionsAndBatchTests
{
    [Theory]
    [InlineData(nameof(OutboxDispatcherOptions.BatchSize), 0)]
    [InlineData(nameof(OutboxDispatcherOptions.BatchSize), -1)]
    [InlineData(nameof(OutboxDispatcherOptions.BatchSize), 10_001)]
    [InlineData(nameof(OutboxDispatcherOptions.MaxAttempts), 0)]
    [InlineData(nameof(OutboxDispatcherOptions.MaxAttempts), 1_001)]
    [InlineData(nameof(OutboxDispatcherOptions.Parallelism), 0)]
    [InlineData(nameof(OutboxDispatcherOptions.Parallelism), 65)]
    public async Task Resolve_OptionOutOfRange_ThrowsNamingTheOption(string option, int value)
    {
        await using var host = new TestHost(services =>
        {
            services.AddEcoDriveInMemoryStorage();
            services.Configure<OutboxDispatcherOptions>(o => Set(o, option, value));
        });

        var error = Assert.Throws<InvalidInputException>(() => host.Get<OutboxDispatcher>());

        Assert.Equal(option, error.ParamName);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(OutboxDispatcherOptions.BatchSize), 1)]
    [InlineData(nameof(OutboxDispatcherOptions.BatchSize), 10_000)]
    [InlineData(nameof(OutboxDispatcherOptions.MaxAttempts), 1)]
    [InlineData(nameof(OutboxDispatcherOptions.MaxAttempts), 1_000)]
    [InlineData(nameof(OutboxDispatcherOptions.Parallelism), 1)]
    [InlineData(nameof(OutboxDispatcherOptions.Parallelism), 64)]
    public async Task Resolve_OptionAtTheEdgeOfItsRange_IsUsed(string option, int value)
    {
        await using var host = new TestHost(services =>
        {
            services.AddEcoDriveInMemoryStorage();
            services.Configure<OutboxDispatcherOptions>(o => Set(o, option, value));
        });

        Assert.Equal(value, typeof(OutboxDispatcherOptions).GetProperty(option)!.GetValue(host.Dispatcher.Options));
    }

    [Fact]
    public async Task ResolveHostedDispatcher_OptionOutOfRange_ThrowsNamingTheOption()
    {
        await using var host = new TestHost(services =>
        {
            services.AddEcoDriveInMemoryStorage();
            services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
            services.AddEcoDriveDispatcher(o => o.Parallelism = 0);
        });

        var error = Assert.Throws<InvalidInputException>(() => host.Get<IEnumerable<IHostedService>>().ToArray());

        Assert.Equal(nameof(OutboxDispatcherOptions.Parallelism), error.ParamName);
    }

    /// <summary>
    /// Twenty orders of one hot product with five in stock, delivered in one batch: the first five submitted are
    /// confirmed, the others backordered, nothing oversold, and the batch is one commit (the stock written once).
    /// </summary>
    [Fact]
    public async Task DispatchBatch_ManyOrdersOfOneHotProduct_ConfirmsExactlyTheStocksWorthInOneCommit()
    {
        var commits = new CommitCounter();
        await using var host = new TestHost(services =>
        {
            services.AddEcoDriveInMemoryStorage();
            commits.Install(services);
        });
        var suv = await host.AddSuvAsync(inStock: 5);
        var camille = await host.AddCamilleAsync();
        var orders = new List<OrderId>();
        for (var i = 0; i < 20; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            orders.Add(await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 1)]));
        }

        commits.Count = 0;
        var delivered = await host.Dispatcher.DispatchDueAsync(maxCount: 20);

        Assert.Equal(20, delivered);
        Assert.Equal(1, commits.Count);
        var statuses = new List<OrderStatus>();
        foreach (var order in orders)
        {
            statuses.Add((await host.Fulfilment.GetOrderAsync(TestHost.Admin, order)).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(OrderStatus.Confirmed, 5), .. Enumerable.Repeat(OrderStatus.Backordered, 15)], statuses);
        var stock = await host.Fulfilment.GetStockAsync(TestHost.Admin, suv);
        Assert.Equal(orders.Take(5).ToHashSet(), stock.Reservations.Select(r => r.OrderId).ToHashSet());
        Assert.Equal(5, stock.Reservations.Count);
        Assert.All(stock.Reservations, r => Assert.Equal(1, r.Quantity));
        Assert.Equal(5, stock.OnHand);
        await host.Dispatcher.DrainAsync();
        foreach (var (order, status) in orders.Zip(statuses))
        {
            Assert.Equal(status, (await host.Sales.GetAsync(TestHost.Sophie, order)).Status);
        }

        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
    }

    private static void Set(OutboxDispatcherOptions options, string option, int value) =>
        typeof(OutboxDispatcherOptions).GetProperty(option)!.SetValue(options, value);

    private sealed class CommitCounter
    {
        private int _count;

        public int Count
        {
            get => Volatile.Read(ref _count);
            set => Volatile.Write(ref _count, value);
        }

        public void Install(IServiceCollection services)
        {
            var unitOfWork = services.Single(d => d.ServiceType == typeof(IUnitOfWork));
            services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(sp => new Counting((IUnitOfWork)unitOfWork.ImplementationFactory!(sp), this)));
        }

        private sealed class Counting(IUnitOfWork inner, CommitCounter counter) : IUnitOfWork
        {
            public Task CommitAsync(CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref counter._count);
                return inner.CommitAsync(cancellationToken);
            }
        }
    }
}
