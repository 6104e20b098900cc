using System.Diagnostics;
using System.Text.Json;
using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using EcoDrive.Kpi;
using EcoDrive.Storage.Sql;
using EcoDrive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace EcoDrive.Storage.SqlTests;

/// <summary>
/// What only a SQL store has: a versioned schema, database constraints, and a file or server that outlives the process.
/// Shared by the SQLite and PostgreSQL test projects (compiled into each), each on a store of its own per test.
/// </summary>
/// <param name="output">Where a test reports what it did.</param>
public abstract class SqlStoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly User Admin = new(UserId.New(), "Alex", Role.Administrator);

    /// <summary>Registers the adapter on this test's store (the same store at every call), without creating its schema.</summary>
    protected abstract void AddStorage(IServiceCollection services);

    /// <summary>The crash worker's arguments that name this test's store (engine first).</summary>
    protected abstract IReadOnlyList<string> WorkerArguments { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [StorageFact]
    public async Task Use_BeforeTheSchemaExists_FailsWithWhatToDo()
    {
        await using var services = Build();
        await using var scope = services.CreateAsyncScope();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<ICustomerRepository>().FindAsync(CustomerId.New()));

        Assert.Contains("schema version 0", error.Message);
        Assert.Contains("EnsureSchemaAsync", error.Message);
    }

    [StorageFact]
    public async Task HostStart_RunsTheSchemaStep_AndTheStoreIsReady()
    {
        await using var services = Build();

        foreach (var step in services.GetServices<IHostedService>())
        {
            await step.StartAsync(CancellationToken.None);
        }

        Assert.Equal(5, await services.GetRequiredService<SqlStorageEngine>().Schema.GetVersionAsync(CancellationToken.None));
        await using var scope = services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ICustomerRepository>().FindAsync(CustomerId.New()));
    }

    [StorageFact]
    public async Task EnsureSchema_Twice_GivesTheLatestVersionAndChangesNothing()
    {
        await using var services = Build();
        var engine = services.GetRequiredService<SqlStorageEngine>();

        Assert.Equal(engine.Schema.LatestVersion, await engine.EnsureSchemaAsync(CancellationToken.None));
        Assert.Equal(engine.Schema.LatestVersion, await engine.EnsureSchemaAsync(CancellationToken.None));
        Assert.Equal(5, engine.Schema.LatestVersion);
    }

    [StorageFact]
    public async Task Upgrade_FromVersion1WithData_KeepsTheDataAndFillsTheInvoiceLines()
    {
        var customer = TestData.Customer(phone: "06 12 34 56 78");
        var invoice = TestData.Invoice(
            customer, new InvoiceNumber(InvoiceSeries.Invoice, 2026, 41), TestData.Start,
            (TestData.Product(ProductSegment.Suv), 1), (TestData.Product(ProductSegment.Utility, 28_500.35m), 3));
        await using (var version1 = Build())
        {
            var engine = version1.GetRequiredService<SqlStorageEngine>();
            Assert.Equal(1, await engine.Schema.UpgradeAsync(1, CancellationToken.None));
            await using var session = engine.OpenSession(checkSchema: false);
            await session.ExecuteAsync(
                "INSERT INTO customers (id, version, doc, email, phone) VALUES (@id, 1, @doc, @email, @phone)",
                [("id", customer.Id.Value), ("doc", new SqlJson(Json(customer.ToSnapshot()))), ("email", customer.Email!.Value.Value), ("phone", customer.Phone.ToString())],
                CancellationToken.None);
            await session.ExecuteAsync(
                "INSERT INTO invoices (id, version, doc, order_id, series, year, sequence, issued_at) VALUES (@id, 1, @doc, @order, 'FA', 2026, 41, @at)",
                [("id", invoice.Id.Value), ("doc", new SqlJson(Json(invoice.ToSnapshot()))), ("order", invoice.OrderId.Value), ("at", invoice.IssuedAt)],
                CancellationToken.None);
            await session.ExecuteAsync(
                "INSERT INTO invoice_counters (series, year, last_sequence) VALUES ('FA', 2026, 41)", SqlParameters.None, CancellationToken.None);
        }

        await using var upgraded = Build();
        Assert.Equal(5, await upgraded.GetRequiredService<SqlStorageEngine>().EnsureSchemaAsync(CancellationToken.None));

        await using var scope = upgraded.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ICustomerRepository>().FindByContactAsync(ContactDetails.Parse(null, "+33612345678"));
        Assert.Equal(Json(customer.ToSnapshot()), Json(stored!.ToSnapshot()));
        Assert.Equal(Json(invoice.ToSnapshot()), Json((await scope.ServiceProvider.GetRequiredService<IInvoiceRepository>().FindAsync(invoice.Id))!.ToSnapshot()));
        var revenue = await upgraded.GetRequiredService<IKpiFactSource>().GetRevenueFactsAsync(TestData.Start, TestData.Start.AddDays(1));
        Assert.Equal(
            [new RevenueFact(TestData.Start, ProductSegment.Suv, Money.Euros(42_000m)), new RevenueFact(TestData.Start, ProductSegment.Utility, Money.Euros(85_501.05m))],
            revenue.OrderBy(r => r.Segment.Code));
        var day = new ReportingPeriod(DateOnly.FromDateTime(TestData.Start.UtcDateTime), DateOnly.FromDateTime(TestData.Start.UtcDateTime).AddDays(1), TimeBucket.Day, TimeZoneInfo.Utc);
        Assert.Equal(
            [new RevenueSum(ProductSegment.Suv, Money.Euros(42_000m), 1), new RevenueSum(ProductSegment.Utility, Money.Euros(85_501.05m), 1)],
            (await upgraded.GetRequiredService<IKpiAggregateSource>().SumRevenueAsync(day)).OrderBy(r => r.Segment.Code));
        Assert.Equal(42, (await scope.ServiceProvider.GetRequiredService<IInvoiceNumberSequence>().NextAsync(InvoiceSeries.Invoice, 2026)).Sequence);
    }

    [StorageFact]
    public async Task Use_OfAStoreLeftAtVersion1_FailsUntilUpgraded()
    {
        await using (var version1 = Build())
        {
            await version1.GetRequiredService<SqlStorageEngine>().Schema.UpgradeAsync(1, CancellationToken.None);
        }

        await using var services = Build();
        await using var scope = services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<ICustomerRepository>().FindAsync(CustomerId.New()));
        Assert.Contains("schema version 1; this version of EcoDrive needs 5", error.Message);
    }

    [StorageFact]
    public async Task AddInvoice_WithANumberAlreadyGiven_IsRefusedByTheDatabase()
    {
        await using var services = await BuildReadyAsync();
        var customer = TestData.Customer();
        var product = TestData.Product(ProductSegment.CityCar);
        var number = new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1);
        await CommitAsync(services, scope => scope.GetRequiredService<IInvoiceRepository>().Add(TestData.Invoice(customer, number, TestData.Start, (product, 1))));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            CommitAsync(services, scope => scope.GetRequiredService<IInvoiceRepository>().Add(TestData.Invoice(customer, number, TestData.Start, (product, 1)))));
    }

    /// <summary>
    /// The order flow killed 20 times at random points (Process.Kill, nothing disposed), each time restarted on the same
    /// store; in every fourth run two applications work the store side by side, claiming from one outbox, and are killed
    /// at different points. Then a restarted application drains the outbox. No acknowledged order is lost, none is
    /// reserved twice, and the CRM shows exactly what the ERP decided, for every order.
    /// </summary>
    [StorageFact]
    public async Task OrderFlow_KilledAtRandomPoints20Times_LosesNothingAndReservesNothingTwice()
    {
        var random = new Random(20260302);
        ProductId suv;
        CustomerId camille;
        await using (var setup = await BuildReadyAsync(withApplication: true))
        {
            var fulfilment = setup.GetRequiredService<FulfilmentService>();
            suv = await fulfilment.AddProductAsync(Admin, "Volt X5", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);
            await fulfilment.ReceiveStockAsync(Admin, suv, 40);
            camille = await setup.GetRequiredService<CustomerService>().CreateIndividualAsync(
                Admin, "Camille", "Martin", ContactDetails.Parse("camille.martin@example.fr", null, TestData.Address));
        }

        var acknowledged = new List<OrderId>();
        for (var run = 0; run < 20; run++)
        {
            var killAfter = TimeSpan.FromMilliseconds(random.Next(50, 1200));
            if (run % 4 == 3)
            {
                var pair = await Task.WhenAll(
                    RunWorkerUntilKilledAsync(suv, camille, seed: run, killAfter),
                    RunWorkerUntilKilledAsync(suv, camille, seed: 1_000 + run, killAfter: TimeSpan.FromMilliseconds(random.Next(50, 1200))));
                output.WriteLine($"run {run}: two workers acknowledged {pair[0].Count} and {pair[1].Count} orders");
                acknowledged.AddRange(pair.SelectMany(orders => orders));
            }
            else
            {
                acknowledged.AddRange(await RunWorkerUntilKilledAsync(suv, camille, seed: run, killAfter));
            }
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        await using var restarted = await BuildReadyAsync(withApplication: true, clock);
        var dispatcher = restarted.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; await restarted.GetRequiredService<IOutboxStore>().CountPendingAsync() > 0; round++)
        {
            Assert.True(round < 100, "the outbox never drained");
            await dispatcher.DrainAsync();
            clock.Advance(new OutboxDispatcherOptions().MaxBackOff);
        }

        var all = await ReadAllOrderIdsAsync(restarted);
        output.WriteLine($"{acknowledged.Count} orders acknowledged before the kills, {all.Count} recorded; {await restarted.GetRequiredService<OutboxDispatcher>().DrainAsync()} messages left");
        Assert.NotEmpty(acknowledged);
        Assert.Subset(all.ToHashSet(), acknowledged.ToHashSet());
        var stock = await restarted.GetRequiredService<FulfilmentService>().GetStockAsync(Admin, suv);
        var reserved = 0;
        foreach (var id in all)
        {
            var erp = await restarted.GetRequiredService<FulfilmentService>().GetOrderAsync(Admin, id);
            var crm = await restarted.GetRequiredService<SalesOrderService>().GetAsync(Admin, id);
            Assert.Equal(Json(erp.History), Json(crm.History));
            Assert.Equal([OrderStatus.Submitted, erp.Status], erp.History.Select(h => h.Status));
            var reservations = stock.Reservations.Where(r => r.OrderId == id).ToArray();
            if (erp.Status == OrderStatus.Confirmed)
            {
                Assert.Equal(erp.Lines.Sum(l => l.Quantity), Assert.Single(reservations).Quantity);
                reserved += reservations[0].Quantity;
            }
            else
            {
                Assert.Equal(OrderStatus.Backordered, erp.Status);
                Assert.Empty(reservations);
            }
        }

        Assert.Equal(reserved, stock.Reservations.Sum(r => r.Quantity));
        Assert.True(reserved <= stock.OnHand);
        Assert.All(stock.Reservations, r => Assert.Contains(r.OrderId, all));
    }

    /// <summary>
    /// Two applications on one store, each with its own dispatcher, drain 200 one-car orders of a product with 50 in
    /// stock at the same time: exactly 50 orders are confirmed and the other 150 backordered, each reservation once,
    /// every order settled once in the ERP and reported once to the CRM, and the outbox is left empty.
    /// </summary>
    [StorageFact]
    public async Task TwoDispatchersAtOnce_200OrdersFor50Cars_ConfirmExactly50AndApplyEachMessageOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = await BuildReadyAsync(withApplication: true, clock, o => o.BatchSize = 10);
        await using var second = Build(withApplication: true, clock, o => o.BatchSize = 10);
        var fulfilment = first.GetRequiredService<FulfilmentService>();
        var suv = await fulfilment.AddProductAsync(Admin, "Volt X5", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);
        await fulfilment.ReceiveStockAsync(Admin, suv, 50);
        var camille = await first.GetRequiredService<CustomerService>().CreateIndividualAsync(
            Admin, "Camille", "Martin", ContactDetails.Parse("camille.martin@example.fr", null, TestData.Address));
        var dispatchers = new[] { first.GetRequiredService<OutboxDispatcher>(), second.GetRequiredService<OutboxDispatcher>() };
        await Task.WhenAll(dispatchers.Select(d => d.DrainAsync())); // both warm, so that they really run side by side
        var sales = first.GetRequiredService<SalesOrderService>();
        var orders = new List<OrderId>();
        for (var i = 0; i < 200; i++)
        {
            orders.Add(await sales.SubmitAsync(Admin, camille, [new OrderLine(suv, 1, Money.Euros(42_000m), VatRate.FrenchStandard)]));
        }

        var delivered = new int[2];
        var store = first.GetRequiredService<IOutboxStore>();
        for (var round = 0; await store.CountPendingAsync() > 0; round++)
        {
            Assert.True(round < 20, "the outbox never drained");
            var counts = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DrainAsync())));
            (delivered[0], delivered[1]) = (delivered[0] + counts[0], delivered[1] + counts[1]);
            clock.Advance(new OutboxDispatcherOptions().MaxBackOff);
        }

        output.WriteLine($"the dispatchers delivered {delivered[0]} and {delivered[1]} messages");
        Assert.Equal(400, delivered.Sum());
        Assert.Equal(0, await store.CountParkedAsync());
        var stock = await fulfilment.GetStockAsync(Admin, suv);
        var confirmed = 0;
        foreach (var id in orders)
        {
            var erp = await fulfilment.GetOrderAsync(Admin, id);
            var crm = await second.GetRequiredService<SalesOrderService>().GetAsync(Admin, id);
            Assert.Equal([OrderStatus.Submitted, erp.Status], erp.History.Select(h => h.Status));
            Assert.Equal(Json(erp.History), Json(crm.History));
            var reservations = stock.Reservations.Where(r => r.OrderId == id).ToArray();
            if (erp.Status == OrderStatus.Confirmed)
            {
                Assert.Equal(1, Assert.Single(reservations).Quantity);
                confirmed++;
            }
            else
            {
                Assert.Equal(OrderStatus.Backordered, erp.Status);
                Assert.Empty(reservations);
            }
        }

        Assert.Equal(50, confirmed);
        Assert.Equal(50, stock.Reservations.Sum(r => r.Quantity));
        Assert.Equal(50, stock.OnHand);
    }

    private ServiceProvider Build(bool withApplication = false, TimeProvider? clock = null, Action<OutboxDispatcherOptions>? dispatcher = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        if (withApplication)
        {
            services.AddEcoDrive();
        }

        if (dispatcher is not null)
        {
            services.Configure(dispatcher);
        }

        AddStorage(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private async Task<ServiceProvider> BuildReadyAsync(bool withApplication = false, TimeProvider? clock = null, Action<OutboxDispatcherOptions>? dispatcher = null)
    {
        var services = Build(withApplication, clock, dispatcher);
        await services.GetRequiredService<SqlStorageEngine>().EnsureSchemaAsync(CancellationToken.None);
        return services;
    }

    private static async Task CommitAsync(IServiceProvider services, Action<IServiceProvider> stage)
    {
        await using var scope = services.CreateAsyncScope();
        stage(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();
    }

    private static async Task<List<OrderId>> ReadAllOrderIdsAsync(IServiceProvider services)
    {
        await using var session = services.GetRequiredService<SqlStorageEngine>().OpenSession();
        return await session.QueryAsync("SELECT id FROM order_views", SqlParameters.None, r => OrderId.From(r.Guid(0)), CancellationToken.None);
    }

    private async Task<List<OrderId>> RunWorkerUntilKilledAsync(ProductId product, CustomerId customer, int seed, TimeSpan killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcoDrive.Storage.CrashWorker.dll"));
        foreach (var argument in WorkerArguments.Concat([product.ToString(), customer.ToString(), seed.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        using var worker = Process.Start(start)!;
        var acknowledged = new List<OrderId>();
        var ready = new TaskCompletionSource();
        worker.OutputDataReceived += (_, line) =>
        {
            if (line.Data == "ready")
            {
                ready.TrySetResult();
            }
            else if (line.Data?.StartsWith("submitted ", StringComparison.Ordinal) == true)
            {
                lock (acknowledged)
                {
                    acknowledged.Add(OrderId.Parse(line.Data["submitted ".Length..]));
                }
            }
        };
        var errors = worker.StandardError.ReadToEndAsync();
        worker.BeginOutputReadLine();
        if (await Task.WhenAny(ready.Task, worker.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            worker.Kill(entireProcessTree: true);
            Assert.Fail($"the worker did not start: {await errors}");
        }

        await Task.Delay(killAfter);
        if (worker.HasExited)
        {
            Assert.Fail($"the worker stopped by itself: {await errors}");
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
        lock (acknowledged)
        {
            return [.. acknowledged];
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EcoDriveJson.Options);
}
