using EcoDrive.Application.Messaging;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Application.Tests.Messaging;

/// <summary>
/// The order flow under failures at every step of a delivery: before and after the receiving side's commit (which
/// holds the inbox mark), before and after the outbox marks a message delivered, and while it records a failure.
/// Whatever fails, once the dispatcher has run to the end every order reached the ERP exactly once in effect, no stock
/// was reserved twice, and the CRM shows the ERP's status.
/// </summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Dispatch_WithFailuresAtRandomSteps_LosesNothingAndAppliesNothingTwice()
    {
        for (var run = 0; run < 200; run++)
        {
            await RunAsync(new Random(run));
        }
    }

    private static async Task RunAsync(Random random)
    {
        var faults = new FaultPlan(random);
        await using var host = new TestHost(services => services.InjectFaults(faults));
        var stock = random.Next(0, 4);
        var suv = await host.AddSuvAsync(inStock: stock);
        var camille = await host.AddCamilleAsync();
        var orders = new List<(OrderId Id, int Quantity)>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var quantity = random.Next(1, 3);
            orders.Add((await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, quantity)]), quantity));
        }

        faults.Armed = true;
        var store = host.Get<IOutboxStore>();
        for (var round = 0; await CountPendingAsync(store, faults) > 0; round++)
        {
            Assert.True(round < 500, $"the outbox never drained ({faults.Injected} faults injected)");
            try
            {
                await host.Dispatcher.DispatchDueAsync();
            }
            catch (SimulatedFault)
            {
                // The dispatcher died here; a new round is the restarted dispatcher.
            }

            host.Clock.Advance(new OutboxDispatcherOptions().MaxBackOff);
        }

        faults.Armed = false;
        var item = await host.Fulfilment.GetStockAsync(TestHost.Admin, suv);
        var confirmed = 0;
        foreach (var (id, quantity) in orders)
        {
            var erp = await host.Fulfilment.GetOrderAsync(TestHost.Admin, id);
            var crm = await host.Sales.GetAsync(TestHost.Sophie, id);
            Assert.Equal(erp.Status, crm.Status);
            Assert.Equal(erp.History[^1].Version, crm.Version);
            Assert.Equal(2, erp.History.Count);
            if (erp.Status == OrderStatus.Confirmed)
            {
                confirmed += quantity;
                Assert.Equal(quantity, Assert.Single(item.Reservations, r => r.OrderId == id).Quantity);
            }
            else
            {
                Assert.Equal(OrderStatus.Backordered, erp.Status);
                Assert.DoesNotContain(item.Reservations, r => r.OrderId == id);
            }
        }

        Assert.Equal(confirmed, item.Reservations.Sum(r => r.Quantity));
        Assert.True(confirmed <= stock);
    }

    private static async Task<int> CountPendingAsync(IOutboxStore store, FaultPlan faults)
    {
        faults.Armed = false;
        var count = await store.CountPendingAsync();
        faults.Armed = true;
        return count;
    }
}

internal sealed class SimulatedFault() : Exception("simulated failure");

/// <summary>Decides, at each step, whether the step fails.</summary>
internal sealed class FaultPlan(Random random)
{
    public bool Armed { get; set; }

    public int Injected { get; private set; }

    public void MaybeFail()
    {
        if (Armed && random.Next(4) == 0)
        {
            Injected++;
            throw new SimulatedFault();
        }
    }
}

internal static class FaultInjection
{
    public static void InjectFaults(this IServiceCollection services, FaultPlan faults)
    {
        services.AddEcoDriveInMemoryStorage();
        var unitOfWork = services.Single(d => d.ServiceType == typeof(IUnitOfWork));
        services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(sp => new FaultyUnitOfWork((IUnitOfWork)unitOfWork.ImplementationFactory!(sp), faults)));
        var outbox = services.Single(d => d.ServiceType == typeof(IOutboxStore));
        services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(sp => new FaultyOutboxStore((IOutboxStore)ActivatorUtilities.CreateInstance(sp, outbox.ImplementationType!), faults)));

        // Simulated crashes count as failed attempts; the test is about what a crash leaves, not about parking.
        services.Configure<OutboxDispatcherOptions>(o => o.MaxAttempts = 1_000);
    }

    private sealed class FaultyUnitOfWork(IUnitOfWork inner, FaultPlan faults) : IUnitOfWork
    {
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            faults.MaybeFail();
            await inner.CommitAsync(cancellationToken);
            faults.MaybeFail();
        }
    }

    private sealed class FaultyOutboxStore(IOutboxStore inner, FaultPlan faults) : IOutboxStore
    {
        public Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
        {
            faults.MaybeFail();
            return inner.GetDueAsync(now, maxCount, cancellationToken);
        }

        public Task<int> CountPendingAsync(CancellationToken cancellationToken = default) => inner.CountPendingAsync(cancellationToken);

        public async Task MarkDeliveredAsync(Guid messageId, CancellationToken cancellationToken = default)
        {
            faults.MaybeFail();
            await inner.MarkDeliveredAsync(messageId, cancellationToken);
            faults.MaybeFail();
        }

        public async Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
        {
            faults.MaybeFail();
            await inner.MarkFailedAsync(messageId, error, retryAt, cancellationToken);
        }

        public async Task ParkAsync(Guid messageId, string error, DateTimeOffset at, CancellationToken cancellationToken = default)
        {
            faults.MaybeFail();
            await inner.ParkAsync(messageId, error, at, cancellationToken);
        }

        public Task<IReadOnlyList<OutboxEntry>> GetParkedAsync(int maxCount, CancellationToken cancellationToken = default) => inner.GetParkedAsync(maxCount, cancellationToken);

        public Task<int> CountParkedAsync(CancellationToken cancellationToken = default) => inner.CountParkedAsync(cancellationToken);

        public Task<bool> RetryParkedAsync(Guid messageId, CancellationToken cancellationToken = default) => inner.RetryParkedAsync(messageId, cancellationToken);

        public Task<bool> DiscardParkedAsync(Guid messageId, CancellationToken cancellationToken = default) => inner.DiscardParkedAsync(messageId, cancellationToken);
    }
}
