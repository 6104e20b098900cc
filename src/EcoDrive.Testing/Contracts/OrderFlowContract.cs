using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Application;
using EcoDrive.Application.Gateways;
using EcoDrive.Application.Messaging;
using EcoDrive.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Testing;

/// <summary>
/// The whole SDK on the adapter: EcoDrive's application services and order flow (<c>AddEcoDrive</c>) run a sale from
/// the CRM to the ERP and back, through the outbox. Derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class OrderFlowContract : StorageContract
{
    private static readonly User Admin = new(UserId.New(), "Alex", Role.Administrator);
    private static readonly User Sophie = new(TestData.Salesperson, "Sophie", Role.Salesperson);

    /// <summary>Adds EcoDrive's application services.</summary>
    /// <param name="services">The services.</param>
    protected override void ConfigureServices(IServiceCollection services) => services.AddEcoDrive();

    /// <summary>
    /// Two orders for one car in stock: the first is confirmed, the second waits for stock; the first goes to paid,
    /// and at every step the CRM shows what the ERP did, with the same version.
    /// </summary>
    [StorageFact]
    public async Task Journey_TwoOrdersForOneCar_ConfirmsOneAndTheCrmFollowsTheErp()
    {
        var fulfilment = Get<FulfilmentService>();
        var sales = Get<SalesOrderService>();
        var dispatcher = Get<OutboxDispatcher>();
        var suv = await fulfilment.AddProductAsync(Admin, "Volt X5", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);
        await fulfilment.ReceiveStockAsync(Admin, suv, 1);
        var camille = await Get<CustomerService>().CreateIndividualAsync(
            Sophie, "Camille", "Martin", ContactDetails.Parse("camille.martin@example.fr", "06 12 34 56 78", TestData.Address));
        var line = new OrderLine(suv, 1, Money.Euros(42_000m), VatRate.FrenchStandard);

        var first = await sales.SubmitAsync(Sophie, camille, [line]);
        var second = await sales.SubmitAsync(Sophie, camille, [line]);
        await dispatcher.DrainAsync();
        await fulfilment.StartPreparationAsync(Admin, first);
        await fulfilment.ShipAsync(Admin, first);
        var invoice = await Get<BillingService>().IssueInvoiceAsync(Admin, first);
        await Get<BillingService>().RecordPaymentAsync(Admin, invoice.Id, invoice.Total);
        await dispatcher.DrainAsync();

        Assert.Equal(OrderStatus.Paid, (await sales.GetAsync(Sophie, first)).Status);
        Assert.Equal(OrderStatus.Backordered, (await sales.GetAsync(Sophie, second)).Status);
        foreach (var id in new[] { first, second })
        {
            var erp = await fulfilment.GetOrderAsync(Admin, id);
            var crm = await sales.GetAsync(Sophie, id);
            Assert.Equal(Json(erp.History), Json(crm.History));
        }

        Assert.Equal("FA-2026-000001", invoice.Number.ToString());
        var stock = await fulfilment.GetStockAsync(Admin, suv);
        Assert.Equal((0, 0), (stock.OnHand, stock.Reservations.Count));
        Assert.Equal(0, await Get<IOutboxStore>().CountPendingAsync());
        var revenue = Assert.Single(await Get<IKpiFactSource>().GetRevenueFactsAsync(TestData.Start, TestData.Start.AddDays(1)));
        Assert.Equal(Money.Euros(42_000m), revenue.Net);
    }

    /// <summary>The same order message delivered twice (a redelivery after a crash) reserves stock once.</summary>
    [StorageFact]
    public async Task Deliver_SameOrderMessageTwice_ReservesOnce()
    {
        var fulfilment = Get<FulfilmentService>();
        var suv = await fulfilment.AddProductAsync(Admin, "Volt X5", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);
        await fulfilment.ReceiveStockAsync(Admin, suv, 5);
        var message = new OrderSubmitted(
            Guid.CreateVersion7(), TestData.Start, OrderId.New(), CustomerId.New(), TestData.Salesperson, [new OrderLine(suv, 2, Money.Euros(42_000m), VatRate.FrenchStandard)]);
        var inbound = Get<IntegrationInbound>();

        await inbound.AcceptAsync(message);
        await Get<OutboxDispatcher>().DrainAsync();
        await inbound.AcceptAsync(message);
        await Get<OutboxDispatcher>().DrainAsync();

        var stock = await fulfilment.GetStockAsync(Admin, suv);
        Assert.Equal(2, Assert.Single(stock.Reservations).Quantity);
        Assert.Equal(OrderStatus.Confirmed, (await fulfilment.GetOrderAsync(Admin, message.OrderId)).Status);
    }

    private T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
