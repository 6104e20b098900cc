using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Application;
using EcoDrive.Application.Import;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IHistoryImportStore"/>, through <see cref="HistoryImportService"/> (<c>AddEcoDrive</c>):
/// an imported batch reads back through the ordinary repositories, the CRM's and the ERP's orders agree, invoices take
/// gapless numbers from the same counter as ordinary invoices and feed the revenue KPI, and a batch that fails stores
/// nothing. Derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class HistoryImportContract : StorageContract
{
    private static readonly User Admin = new(UserId.New(), "Alex", Role.Administrator);
    private static readonly DateTimeOffset Past = TestData.Start.AddDays(-40);

    /// <summary>Adds EcoDrive's application services.</summary>
    /// <param name="services">The services.</param>
    protected override void ConfigureServices(IServiceCollection services) => services.AddEcoDrive();

    /// <summary>Customers, leads, orders and invoices come back from the repositories as they were imported.</summary>
    [StorageFact]
    public async Task Import_ThenRead_ReturnsEveryAggregateThroughTheRepositories()
    {
        var suv = await ProductAsync();
        var camille = TestData.Customer(createdAt: Past);
        var won = WonLead(camille.Id);
        var lost = TestData.Lead(Past, LeadChannel.Website, TestData.Salesperson);
        lost.Lose("bought a used car", TestData.Salesperson, Past.AddDays(1));
        var paid = Paid(camille.Id, suv, Past.AddDays(2));
        var cancelled = new ImportedOrder(
            OrderId.New(), camille.Id, TestData.Salesperson, [TestData.Line(suv)], Past.AddDays(3),
            [new(OrderStatus.Confirmed, Past.AddDays(3)), new(OrderStatus.Cancelled, Past.AddDays(4), TestData.Salesperson, "changed their mind")]);

        var report = await ImportAsync(new HistoryBatch([camille], [won, lost], [paid, cancelled]));

        Assert.Equal((1, 2, 2, 1), (report.Customers, report.Leads, report.Orders, report.Invoices));
        Assert.Equal(Json(camille.ToSnapshot()), Json((await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(camille.Id)))!.ToSnapshot()));
        Assert.Equal(Json(won.ToSnapshot()), Json((await ReadAsync(s => Get<ILeadRepository>(s).FindAsync(won.Id)))!.ToSnapshot()));
        Assert.Equal(LeadStage.Lost, (await ReadAsync(s => Get<ILeadRepository>(s).FindAsync(lost.Id)))!.Stage);
        var order = (await ReadAsync(s => Get<IOrderRepository>(s).FindAsync(paid.Id)))!;
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(
            [OrderStatus.Submitted, OrderStatus.Confirmed, OrderStatus.InPreparation, OrderStatus.Shipped, OrderStatus.Invoiced, OrderStatus.Paid],
            order.History.Select(h => h.Status));
        var invoice = (await ReadAsync(s => Get<IInvoiceRepository>(s).FindAsync(order.InvoiceId!.Value)))!;
        Assert.Equal((new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), InvoiceSettlement.Paid), (invoice.Number, invoice.Settlement));
        Assert.Equal(paid.Changes[3].At, invoice.IssuedAt);
        Assert.Equal(OrderStatus.Cancelled, (await ReadAsync(s => Get<IOrderRepository>(s).FindAsync(cancelled.Id)))!.Status);
        Assert.Equal([paid.Id, cancelled.Id], (await ReadAsync(s => Get<IOrderViewRepository>(s).FindByCustomerAsync(camille.Id))).Select(v => v.Id));
    }

    /// <summary>Each order is stored twice, as the ERP's order and the CRM's view, with the same history and version; its invoice lines feed the revenue KPI.</summary>
    [StorageFact]
    public async Task Import_Orders_TheCrmAndTheErpAgreeAndRevenueSeesTheInvoices()
    {
        var suv = await ProductAsync();
        var camille = TestData.Customer(createdAt: Past);
        var orders = Enumerable.Range(0, 3).Select(i => Paid(camille.Id, suv, Past.AddDays(i))).ToArray();
        var rejected = new ImportedOrder(
            OrderId.New(), camille.Id, TestData.Salesperson, [TestData.Line(suv)], Past.AddDays(5), [new(OrderStatus.Rejected, Past.AddDays(5).AddHours(1), null, "unknown product")]);

        await ImportAsync(new HistoryBatch([camille], [], [.. orders, rejected]));

        foreach (var id in orders.Select(o => o.Id).Append(rejected.Id))
        {
            var erp = (await ReadAsync(s => Get<IOrderRepository>(s).FindAsync(id)))!;
            var crm = (await ReadAsync(s => Get<IOrderViewRepository>(s).FindAsync(id)))!;
            Assert.Equal(Json(erp.History), Json(crm.History));
            Assert.Equal(erp.Version, crm.Version);
        }

        var revenue = await Get<IKpiFactSource>().GetRevenueFactsAsync(Past, TestData.Start);
        Assert.Equal(3, revenue.Count);
        Assert.All(revenue, fact => Assert.Equal((ProductSegment.Suv, Money.Euros(42_000m)), (fact.Segment, fact.Net)));
        var newOrders = await Get<IKpiFactSource>().GetOrderFactsAsync(Past, TestData.Start);
        Assert.Equal(4, newOrders.Count);
    }

    /// <summary>Imported invoices continue the series after the numbers already given, and ordinary invoices continue after them: no gap, no duplicate.</summary>
    [StorageFact]
    public async Task Import_BetweenOrdinaryNumbers_ContinuesTheSeriesWithoutGap()
    {
        var suv = await ProductAsync();
        var camille = TestData.Customer(createdAt: Past);
        Assert.Equal(1, (await NextNumberAsync()).Sequence);

        var report = await ImportAsync(new HistoryBatch([camille], [], [Paid(camille.Id, suv, Past.AddDays(2)), Paid(camille.Id, suv, Past.AddDays(1))]));

        var block = Assert.Single(report.InvoiceNumbers);
        Assert.Equal((2, 2), (block.First, block.Count));
        var invoices = await ReadAsync(s => Get<IInvoiceRepository>(s).ListAsync());
        Assert.Equal([2L, 3L], invoices.Select(i => i.Number.Sequence));
        Assert.True(invoices[0].IssuedAt < invoices[1].IssuedAt, "numbers follow issue times");
        Assert.Equal(4, (await NextNumberAsync()).Sequence);
    }

    /// <summary>A batch naming a customer already stored fails whole: none of its other customers, leads, orders, invoices or numbers are stored.</summary>
    [StorageFact]
    public async Task Import_WithAnIdAlreadyStored_StoresNothingOfTheBatch()
    {
        var suv = await ProductAsync();
        var camille = TestData.Customer(createdAt: Past);
        await ImportAsync(new HistoryBatch([camille], [], [Paid(camille.Id, suv, Past)]));
        var louis = TestData.Customer(createdAt: Past);
        var lead = WonLead(louis.Id);
        var order = Paid(louis.Id, suv, Past.AddDays(1));

        var error = await Assert.ThrowsAsync<AlreadyStoredException>(() => ImportAsync(new HistoryBatch([louis, camille], [lead], [order])));

        Assert.Equal((ErrorCodes.Import.AlreadyStored, "customer", camille.Id.ToString()), (error.Code, error.Kind, error.Id));
        Assert.Null(await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(louis.Id)));
        Assert.Null(await ReadAsync(s => Get<ILeadRepository>(s).FindAsync(lead.Id)));
        Assert.Null(await ReadAsync(s => Get<IOrderRepository>(s).FindAsync(order.Id)));
        Assert.Null(await ReadAsync(s => Get<IOrderViewRepository>(s).FindAsync(order.Id)));
        Assert.Single(await ReadAsync(s => Get<IInvoiceRepository>(s).ListAsync()));
        Assert.Equal(2, (await NextNumberAsync()).Sequence);
    }

    /// <summary>Streamed batches are stored one after the other with their progress; a failing batch stores nothing and leaves the earlier ones stored.</summary>
    [StorageFact]
    public async Task ImportStream_WithAFailingThirdBatch_KeepsTheFirstTwoAndReportsThem()
    {
        var suv = await ProductAsync();
        var customers = Enumerable.Range(0, 3).Select(_ => TestData.Customer(createdAt: Past)).ToArray();
        var batches = new[]
        {
            new HistoryBatch([customers[0]], [], [Paid(customers[0].Id, suv, Past)]),
            new HistoryBatch([customers[1]], [], [Paid(customers[1].Id, suv, Past.AddDays(1))]),
            new HistoryBatch([customers[2], customers[0]], [], [Paid(customers[2].Id, suv, Past.AddDays(2))]),
        };
        var reports = new List<HistoryImportReport>();

        await Assert.ThrowsAsync<AlreadyStoredException>(() => Get<HistoryImportService>().ImportAsync(Admin, batches.ToAsyncEnumerable(), new Recorder(reports)));

        Assert.Equal([1, 2], reports.Select(r => r.Orders));
        Assert.Equal([1L, 2L], (await ReadAsync(s => Get<IInvoiceRepository>(s).ListAsync())).Select(i => i.Number.Sequence));
        Assert.NotNull(await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(customers[1].Id)));
        Assert.Null(await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(customers[2].Id)));
        Assert.Equal(3, (await NextNumberAsync()).Sequence);
    }

    /// <summary>A transaction of the port that is disposed without commit leaves nothing, and gives its reserved numbers back.</summary>
    [StorageFact]
    public async Task Transaction_DisposedWithoutCommit_StoresNothingAndGivesTheNumbersBack()
    {
        var camille = TestData.Customer(createdAt: Past);
        await using (var transaction = await Get<IHistoryImportStore>().BeginAsync())
        {
            var block = await transaction.ReserveInvoiceNumbersAsync(2026, 5);
            Assert.Equal((1L, 5, (DateTimeOffset?)null), (block.First, block.Count, block.PreviousIssuedAt));
            await transaction.WriteAsync(new ImportedAggregates([camille], [], [], [], []));
        }

        Assert.Null(await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(camille.Id)));
        Assert.Equal(1, (await NextNumberAsync()).Sequence);
    }

    /// <summary>Invoices dated before the last one already numbered in their year are refused: numbers must follow issue times.</summary>
    [StorageFact]
    public async Task Import_InvoicesDatedBeforeTheLastNumberedOne_IsRefused()
    {
        var suv = await ProductAsync();
        var camille = TestData.Customer(createdAt: Past);
        await ImportAsync(new HistoryBatch([camille], [], [Paid(camille.Id, suv, Past.AddDays(10))]));
        var earlier = Paid(camille.Id, suv, Past.AddDays(1));

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(new HistoryBatch([], [], [earlier])));

        Assert.Equal(ErrorCodes.Invoice.NotChronological, error.Code);
        Assert.Null(await ReadAsync(s => Get<IOrderRepository>(s).FindAsync(earlier.Id)));
        Assert.Equal(2, (await NextNumberAsync()).Sequence);
    }

    /// <summary>Bad input gets a typed error naming what is wrong, and nothing is stored.</summary>
    [StorageFact]
    public async Task Import_BadInput_ThrowsATypedErrorAndStoresNothing()
    {
        var suv = await ProductAsync();
        var camille = TestData.Customer(createdAt: Past);
        var skipsTheWarehouse = new ImportedOrder(OrderId.New(), camille.Id, TestData.Salesperson, [TestData.Line(suv)], Past, [new(OrderStatus.Shipped, Past.AddDays(1))]);
        var inPreparation = new ImportedOrder(
            OrderId.New(), camille.Id, TestData.Salesperson, [TestData.Line(suv)], Past, [new(OrderStatus.Confirmed, Past), new(OrderStatus.InPreparation, Past.AddDays(1))]);
        var future = Paid(camille.Id, suv, TestData.Start.AddDays(1));
        var unknownCustomer = Paid(CustomerId.New(), suv, Past);

        Assert.Equal(ErrorCodes.Order.InvalidTransition, (await Assert.ThrowsAsync<InvalidTransitionException>(() => ImportAsync(new HistoryBatch([camille], [], [skipsTheWarehouse])))).Code);
        Assert.Equal(ErrorCodes.Import.OrderInProgress, (await Assert.ThrowsAsync<DomainException>(() => ImportAsync(new HistoryBatch([camille], [], [inPreparation])))).Code);
        var inTheFuture = await Assert.ThrowsAsync<InvalidInputException>(() => ImportAsync(new HistoryBatch([camille], [], [future])));
        Assert.Equal(ErrorCodes.Input.OutOfRange, inTheFuture.Code);
        Assert.Contains("in the future", inTheFuture.Message, StringComparison.Ordinal);
        var givenTwice = await Assert.ThrowsAsync<InvalidInputException>(() => ImportAsync(new HistoryBatch([camille, camille], [], [])));
        Assert.Equal(ErrorCodes.Input.Inconsistent, givenTwice.Code);
        Assert.Contains("given twice", givenTwice.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Customer.NotFound, (await Assert.ThrowsAsync<EntityNotFoundException>(() => ImportAsync(new HistoryBatch([camille], [], [unknownCustomer])))).Code);
        Assert.Equal(
            Permissions.HistoryImport,
            (await Assert.ThrowsAsync<PermissionDeniedException>(() => Get<HistoryImportService>().ImportAsync(new User(UserId.New(), "Sophie", Role.Salesperson), new HistoryBatch([camille], [], [])))).Permission);

        Assert.Null(await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(camille.Id)));
        Assert.Equal(1, (await NextNumberAsync()).Sequence);
    }

    private static Lead WonLead(CustomerId customerId)
    {
        var lead = TestData.Lead(Past, LeadChannel.Showroom, TestData.Salesperson);
        lead.Contact(TestData.Salesperson, Past.AddHours(1));
        lead.Qualify(TestData.Salesperson, Past.AddHours(2));
        lead.Win(customerId, TestData.Salesperson, Past.AddHours(3));
        return lead;
    }

    /// <summary>An order that went the whole way: confirmed, prepared, shipped, invoiced a day after submission, paid ten days later.</summary>
    private static ImportedOrder Paid(CustomerId customerId, Product product, DateTimeOffset submittedAt) =>
        new(
            OrderId.New(),
            customerId,
            TestData.Salesperson,
            [TestData.Line(product)],
            submittedAt,
            [
                new(OrderStatus.Confirmed, submittedAt.AddMinutes(5)),
                new(OrderStatus.InPreparation, submittedAt.AddHours(2), TestData.Warehouse),
                new(OrderStatus.Shipped, submittedAt.AddHours(20), TestData.Warehouse),
                new(OrderStatus.Invoiced, submittedAt.AddDays(1)),
                new(OrderStatus.Paid, submittedAt.AddDays(11)),
            ]);

    private async Task<Product> ProductAsync()
    {
        var product = TestData.Product(ProductSegment.Suv);
        await AddAsync(scope => Get<IProductCatalogue>(scope).Add(product));
        return product;
    }

    private Task<HistoryImportReport> ImportAsync(HistoryBatch batch) => Get<HistoryImportService>().ImportAsync(Admin, batch);

    private Task<InvoiceNumber> NextNumberAsync() =>
        InScopeAsync(scope => Get<IInvoiceNumberSequence>(scope).NextAsync(InvoiceSeries.Invoice, 2026));

    private T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private sealed class Recorder(List<HistoryImportReport> reports) : IProgress<HistoryImportReport>
    {
        public void Report(HistoryImportReport value) => reports.Add(value);
    }
}
