using EcoDrive.Core.Customers;
using EcoDrive.Erp.Purchasing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Services;

/// <summary>
/// The cases an outside black-box test of the web host found, replayed on the application services: each is a typed
/// error naming what is wrong, and the store is left as it was.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string s_tenMegabytes = new('x', 10 * 1024 * 1024);

    [Fact]
    public async Task ReceiveStock_Int32MaxValue_IsRefusedAndLeavesTheStock()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 8);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, int.MaxValue));

        Assert.Equal("quantity", error.ParamName);
        Assert.Equal(8, (await host.Fulfilment.GetStockAsync(TestHost.Marc, suv)).OnHand);
    }

    [Fact]
    public async Task ReceiveStock_PastMaxStockQuantity_IsRefusedAndLeavesTheStock()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        for (var i = 0; i < Limits.MaxStockQuantity / Limits.MaxQuantity; i++)
        {
            await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, Limits.MaxQuantity);
        }

        var error = await Assert.ThrowsAsync<LimitExceededException>(() => host.Fulfilment.ReceiveStockAsync(TestHost.Marc, suv, 1));

        Assert.Equal("stock.limit-exceeded", error.Code);
        Assert.Equal(Limits.MaxStockQuantity, (await host.Fulfilment.GetStockAsync(TestHost.Marc, suv)).OnHand);
        Assert.Equal(Limits.MaxStockQuantity, Assert.Single(await host.Fulfilment.ListStockLevelsAsync(TestHost.Marc)).OnHand);
    }

    [Fact]
    public async Task PurchaseLines_Int32MaxValueThenOne_AreRefusedAndStockLevelsStayReadable()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        var draft = await host.Purchasing.DraftAsync(TestHost.Marc, "Volt Motors");

        await Assert.ThrowsAsync<InvalidInputException>(() => host.Purchasing.AddLineAsync(TestHost.Marc, draft.Id, suv, int.MaxValue));
        await host.Purchasing.AddLineAsync(TestHost.Marc, draft.Id, suv, Limits.MaxQuantity);
        var error = await Assert.ThrowsAsync<LimitExceededException>(() => host.Purchasing.AddLineAsync(TestHost.Marc, draft.Id, suv, 1));
        await host.Purchasing.PlaceAsync(TestHost.Marc, draft.Id);

        Assert.Equal("purchase-order.limit-exceeded", error.Code);
        Assert.Equal(Limits.MaxQuantity, Assert.Single((await host.Purchasing.GetAsync(TestHost.Marc, draft.Id)).Lines).Quantity);
        Assert.Equal(Limits.MaxQuantity, Assert.Single(await host.Fulfilment.ListStockLevelsAsync(TestHost.Marc)).OnOrder);
    }

    [Fact]
    public async Task GetStockLevels_OverflowedDataStoredBeforeTheBounds_DoesNotThrow()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 0);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // What the in-memory store held after the black-box test (a line wrapped to int.MinValue), and open lines whose sum passes int.MaxValue.
            var purchases = scope.ServiceProvider.GetRequiredService<IPurchaseOrderRepository>();
            foreach (var quantity in new[] { int.MinValue, int.MaxValue, int.MaxValue })
            {
                purchases.Add(PurchaseOrder.FromSnapshot(new PurchaseOrderSnapshot(
                    PurchaseOrderId.New(), "Volt Motors", PurchaseOrderStatus.Ordered, host.Clock.GetUtcNow(), host.Clock.GetUtcNow(), [new PurchaseOrderLine(suv, quantity, 0)], [])));
            }

            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();
        }

        var level = Assert.Single(await host.Fulfilment.ListStockLevelsAsync(TestHost.Marc));

        Assert.Equal(Limits.MaxStockQuantity, level.OnOrder);
    }

    [Fact]
    public async Task AddProduct_DecimalMaxValuePrice_IsRefusedAndNothingIsStored()
    {
        await using var host = new TestHost();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            host.Fulfilment.AddProductAsync(TestHost.Admin, "Volt X9", ProductSegment.Suv, Money.Euros(decimal.MaxValue), VatRate.FrenchStandard));

        Assert.Equal("listPrice", error.ParamName);
        Assert.Empty(await host.Fulfilment.ListProductsAsync(TestHost.Admin));
    }

    [Fact]
    public async Task SubmitOrder_TwoUnitsAtMaxAmount_IsRefusedWithOrderLimitExceededAndNothingIsStored()
    {
        await using var host = new TestHost();
        var (suv, camille) = await AtMaxAmountAsync(host, inStock: 2);

        var error = await Assert.ThrowsAsync<LimitExceededException>(() =>
            host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, camille, [new EcoDrive.Application.OrderItem(suv, 2)]));
        await host.Dispatcher.DrainAsync();

        Assert.Equal("order.limit-exceeded", error.Code);
        Assert.Empty(await host.Sales.ListByCustomerAsync(TestHost.Sophie, camille));
        Assert.Empty((await host.Fulfilment.GetStockAsync(TestHost.Marc, suv)).Reservations);
    }

    [Fact]
    public async Task IssueInvoice_OneUnitAtMaxAmount_TotalsWithoutOverflow()
    {
        await using var host = new TestHost();
        var (suv, camille) = await AtMaxAmountAsync(host, inStock: 1);
        var orderId = await host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, camille, [new EcoDrive.Application.OrderItem(suv, 1)]);
        await host.Dispatcher.DrainAsync();
        await host.Fulfilment.StartPreparationAsync(TestHost.Marc, orderId);
        await host.Fulfilment.ShipAsync(TestHost.Marc, orderId);

        var invoice = await host.Billing.IssueInvoiceAsync(TestHost.Claire, orderId);

        Assert.Equal(Money.Euros(1_200_000_000m), invoice.Total);
    }

    [Fact]
    public async Task CreateCustomer_NulInName_IsRefusedAndNothingIsStored()
    {
        await using var host = new TestHost();
        var contact = ContactDetails.Parse("camille.martin@example.fr", null);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => host.Customers.CreateIndividualAsync(TestHost.Sophie, "Camille\u0000", "Martin", contact));

        Assert.Equal("firstName", error.ParamName);
        // Nothing was stored: the same e-mail is not a duplicate.
        await host.Customers.CreateIndividualAsync(TestHost.Sophie, "Camille", "Martin", contact);
    }

    [Fact]
    public async Task CreateCustomer_TenMegabyteName_IsRefused()
    {
        await using var host = new TestHost();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            host.Customers.CreateCompanyAsync(TestHost.Sophie, s_tenMegabytes, ContactDetails.Parse("achats@flotte-verte.fr", null)));

        Assert.Equal("legalName", error.ParamName);
    }

    [Fact]
    public async Task AdjustStock_ReasonOfTenMegabytes_IsRefusedAndLeavesTheStock()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 3);

        Assert.Equal("reason", (await Assert.ThrowsAsync<InvalidInputException>(() => host.Fulfilment.AdjustStockAsync(TestHost.Marc, suv, 1, s_tenMegabytes))).ParamName);

        var stock = await host.Fulfilment.GetStockAsync(TestHost.Marc, suv);
        Assert.Equal(3, stock.OnHand);
        Assert.Empty(stock.Adjustments);
    }

    /// <summary>A product priced at <see cref="Limits.MaxAmount"/>, in stock, and a customer to order it.</summary>
    private static async Task<(ProductId Product, CustomerId Customer)> AtMaxAmountAsync(TestHost host, int inStock)
    {
        var product = await host.Fulfilment.AddProductAsync(TestHost.Admin, "Volt X9", ProductSegment.Suv, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard);
        await host.Fulfilment.ReceiveStockAsync(TestHost.Marc, product, inStock);
        return (product, await host.AddCamilleAsync());
    }
}
