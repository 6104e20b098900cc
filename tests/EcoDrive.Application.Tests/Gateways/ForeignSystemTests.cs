using System.Collections.Concurrent;
using EcoDrive.Application.Gateways;
using EcoDrive.Application.Messaging;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Gateways;

public sealed class ForeignSystemTests
{
    [Fact]
    public async Task OurCrm_WithAForeignErp_SeesEveryStatusTheForeignErpReports()
    {
        var foreignErp = new ForeignErp();
        await using var host = new TestHost(services => services.AddSingleton<IErpGateway>(foreignErp).AddEcoDriveInMemoryStorageAfter());
        var camille = await host.AddCamilleAsync();
        var line = TestHost.Suvs(ProductId.New(), 1);

        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [line]);
        await host.Dispatcher.DrainAsync();
        await foreignErp.MoveAsync(host.Get<IntegrationInbound>(), orderId, OrderStatus.Confirmed, OrderStatus.InPreparation, OrderStatus.Shipped);
        await host.Dispatcher.DrainAsync();

        var received = Assert.Single(foreignErp.Orders);
        Assert.Equal(orderId, received.OrderId);
        Assert.Equal([line], received.Lines);
        var crm = await host.Sales.GetAsync(TestHost.Sophie, orderId);
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Confirmed, OrderStatus.InPreparation, OrderStatus.Shipped], crm.History.Select(h => h.Status));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => host.Fulfilment.GetOrderAsync(TestHost.Admin, orderId));
    }

    [Fact]
    public async Task ForeignErp_ResendingAReport_IsAppliedOnce()
    {
        var foreignErp = new ForeignErp();
        await using var host = new TestHost(services => services.AddSingleton<IErpGateway>(foreignErp).AddEcoDriveInMemoryStorageAfter());
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(ProductId.New(), 1)]);
        await host.Dispatcher.DrainAsync();
        var report = new OrderStatusChanged(Guid.CreateVersion7(), host.Clock.GetUtcNow(), orderId, new OrderStatusEntry(OrderStatus.Confirmed, host.Clock.GetUtcNow(), null, null, 2));

        await host.Get<IntegrationInbound>().AcceptAsync(report);
        await host.Get<IntegrationInbound>().AcceptAsync(report);

        await host.Dispatcher.DrainAsync();

        Assert.Equal(2, (await host.Sales.GetAsync(TestHost.Sophie, orderId)).History.Count);
        Assert.Equal(0, await host.Get<IOutboxStore>().CountPendingAsync());
    }

    [Fact]
    public async Task OurErp_UnderAForeignCrm_ReservesStockAndReportsBack()
    {
        var foreignCrm = new ForeignCrm();
        await using var host = new TestHost(services => services.AddSingleton<ICrmGateway>(foreignCrm).AddEcoDriveInMemoryStorageAfter());
        var suv = await host.AddSuvAsync(inStock: 2);
        var orderId = OrderId.New();

        await host.Get<IntegrationInbound>().AcceptAsync(new OrderSubmitted(
            Guid.CreateVersion7(), host.Clock.GetUtcNow(), orderId, CustomerId.New(), UserId.New(), [TestHost.Suvs(suv, 2)]));
        await host.Dispatcher.DrainAsync();
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
        await host.Dispatcher.DrainAsync();

        Assert.Equal([OrderStatus.Confirmed, OrderStatus.InPreparation], foreignCrm.Reports.Select(r => r.Change.Status));
        Assert.Equal(2, (await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations.Single().Quantity);
    }

    [Fact]
    public async Task Dashboard_WithAForeignErpAndItsRevenueSource_ShowsTheForeignErpsInvoicesAndCreditNotes()
    {
        var foreignErp = new ForeignErp();
        await using var host = new TestHost(services => services
            .AddSingleton<IErpGateway>(foreignErp)
            .AddSingleton<IRevenueAggregateSource>(foreignErp)
            .AddEcoDriveInMemoryStorageAfter());
        var camille = await host.AddCamilleAsync();
        var suv = ProductId.New();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(suv, 2)]);
        await host.Dispatcher.DrainAsync();

        foreignErp.Invoice(orderId, host.Clock.GetUtcNow(), ProductSegment.Suv);
        foreignErp.CreditNote(host.Clock.GetUtcNow().AddHours(1), ProductSegment.Suv, Money.Euros(1_500m));
        foreignErp.Invoice(orderId, new DateTimeOffset(2026, 2, 27, 10, 0, 0, TimeSpan.Zero), ProductSegment.Suv);
        var march = new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month);
        var dashboard = await host.Dashboard.GetAsync(TestHost.Helene, march);

        Assert.Equal(Money.Euros(84_000m - 1_500m), dashboard.Revenue.NetOf(ProductSegment.Suv, Currency.Eur));
        Assert.Equal(1, dashboard.NewOrders.TotalOrders);
    }

    [Fact]
    public async Task Dashboard_WithAForeignErpAndNoRevenueSource_CountsOnlyEcoDrivesOwnInvoices()
    {
        var foreignErp = new ForeignErp();
        await using var host = new TestHost(services => services.AddSingleton<IErpGateway>(foreignErp).AddEcoDriveInMemoryStorageAfter());
        var camille = await host.AddCamilleAsync();
        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, camille, [TestHost.Suvs(ProductId.New(), 2)]);
        await host.Dispatcher.DrainAsync();
        foreignErp.Invoice(orderId, host.Clock.GetUtcNow(), ProductSegment.Suv);

        var march = new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Month);
        var dashboard = await host.Dashboard.GetAsync(TestHost.Helene, march);

        Assert.Equal(Money.Euros(0m), dashboard.Revenue.TotalIn(Currency.Eur));
        Assert.Equal(1, dashboard.NewOrders.TotalOrders);
    }

    /// <summary>
    /// Stands for another vendor's ERP: it keeps orders and invoices its own way and talks to EcoDrive only through the
    /// ports; it answers the revenue KPI from its own invoices and credit notes.
    /// </summary>
    private sealed class ForeignErp : IErpGateway, IRevenueAggregateSource
    {
        private readonly ConcurrentDictionary<OrderId, OrderSubmitted> _orders = new();
        private readonly ConcurrentQueue<(DateTimeOffset IssuedAt, ProductSegment Segment, Money Net)> _revenueLines = new();

        public void Invoice(OrderId orderId, DateTimeOffset issuedAt, ProductSegment segment)
        {
            foreach (var line in _orders[orderId].Lines)
            {
                _revenueLines.Enqueue((issuedAt, segment, line.Net));
            }
        }

        public void CreditNote(DateTimeOffset issuedAt, ProductSegment segment, Money net) => _revenueLines.Enqueue((issuedAt, segment, -net));

        public Task<IReadOnlyList<RevenueSum>> SumRevenueAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RevenueSum>>(
            [
                .. _revenueLines
                    .Where(l => l.IssuedAt >= period.UtcStart && l.IssuedAt < period.UtcEnd)
                    .GroupBy(l => (l.Segment, l.Net.Currency))
                    .Select(g => new RevenueSum(g.Key.Segment, g.Select(l => l.Net).Aggregate((a, b) => a + b), g.LongCount())),
            ]);

        public IReadOnlyCollection<OrderSubmitted> Orders => [.. _orders.Values];

        public Task SubmitOrderAsync(OrderSubmitted order, CancellationToken cancellationToken)
        {
            _orders.TryAdd(order.OrderId, order);
            return Task.CompletedTask;
        }

        public async Task MoveAsync(IntegrationInbound inbound, OrderId orderId, params OrderStatus[] statuses)
        {
            var version = 1L;
            foreach (var status in statuses)
            {
                var at = DateTimeOffset.UtcNow;
                await inbound.AcceptAsync(new OrderStatusChanged(Guid.CreateVersion7(), at, orderId, new OrderStatusEntry(status, at, null, "foreign ERP", ++version)));
            }
        }
    }

    /// <summary>Stands for another vendor's CRM, told of each status change through the port.</summary>
    private sealed class ForeignCrm : ICrmGateway
    {
        private readonly ConcurrentQueue<OrderStatusChanged> _reports = new();

        public IReadOnlyCollection<OrderStatusChanged> Reports => [.. _reports];

        public Task ReportStatusAsync(OrderStatusChanged report, CancellationToken cancellationToken)
        {
            _reports.Enqueue(report);
            return Task.CompletedTask;
        }
    }
}

internal static class ForeignSystemWiring
{
    /// <summary>The gateway registered first wins over EcoDrive's own; storage is added as usual.</summary>
    public static IServiceCollection AddEcoDriveInMemoryStorageAfter(this IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.InMemoryStorageServiceCollectionExtensions.AddEcoDriveInMemoryStorage(services);
}
