using EcoDrive.Core.Access;
using EcoDrive.Crm;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Services;

/// <summary>
/// The pricing rule: below list price within the seller's limit (salesperson 5 %, sales director 15 % by default), beyond
/// it only with an approver allowed to approve that much, and the approval recorded on the order.
/// </summary>
public sealed class PricingTests
{
    private static readonly Money ListPrice = Money.Euros(42_000m);

    [Theory]
    [InlineData(42_000)]
    [InlineData(45_000)]
    [InlineData(39_900)] // 5 % below list: the salesperson's own limit
    public async Task Submit_PriceWithinTheSellersLimit_IsRecordedWithoutApproval(int unitPrice)
    {
        await using var host = new TestHost();
        var (customer, suv) = await SetUpAsync(host);

        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, customer, [Line(suv, unitPrice)]);

        Assert.Null((await host.Sales.GetAsync(TestHost.Sophie, orderId)).PriceApproval);
    }

    [Fact]
    public async Task Submit_TheSuvForOneEuroWithoutApprover_IsRefusedNamingTheDiscountAndRecordsNothing()
    {
        await using var host = new TestHost();
        var (customer, suv) = await SetUpAsync(host);

        var error = await Assert.ThrowsAsync<DiscountNotAllowedException>(() => host.Sales.SubmitAsync(TestHost.Sophie, customer, [Line(suv, 1)]));

        Assert.Equal(ErrorCodes.Order.DiscountNeedsApproval, error.Code);
        Assert.Equal(suv, error.ProductId);
        Assert.Equal(100m, error.DiscountPercent);
        Assert.Equal(5m, error.LimitPercent);
        Assert.Null(error.ApproverId);
        Assert.Empty(await host.Sales.ListByCustomerAsync(TestHost.Sophie, customer));
        Assert.Equal(0, await host.Dispatcher.DrainAsync());
    }

    [Fact]
    public async Task Submit_DiscountApprovedByTheSalesDirector_IsRecordedWithTheApproval()
    {
        await using var host = new TestHost();
        var (customer, suv) = await SetUpAsync(host);

        var orderId = await host.Sales.SubmitAsync(TestHost.Sophie, customer, [Line(suv, 37_800), Line(suv, 40_000)], TestHost.Helene.Id);

        var order = await host.Sales.GetAsync(TestHost.Sophie, orderId);
        Assert.Equal(new PriceApproval(TestHost.Helene.Id, 10m, host.Clock.GetUtcNow()), order.PriceApproval);
    }

    public static TheoryData<string, int> RefusedApprovals() => new()
    {
        { "beyond the director's 15 %", 33_600 },
        { "a salesperson cannot approve", 37_800 },
        { "an unknown user cannot approve", 37_800 },
    };

    [Theory]
    [MemberData(nameof(RefusedApprovals))]
    public async Task Submit_ApproverNotAllowedToApproveTheDiscount_IsRefusedAndRecordsNothing(string approver, int unitPrice)
    {
        await using var host = new TestHost();
        var (customer, suv) = await SetUpAsync(host);
        var approverId = approver switch
        {
            "beyond the director's 15 %" => TestHost.Helene.Id,
            "a salesperson cannot approve" => TestHost.Mathis.Id,
            _ => UserId.New(),
        };

        var error = await Assert.ThrowsAsync<DiscountNotAllowedException>(() =>
            host.Sales.SubmitAsync(TestHost.Sophie, customer, [Line(suv, unitPrice)], approverId));

        Assert.Equal(ErrorCodes.Order.ApprovalNotAllowed, error.Code);
        Assert.Equal(approverId, error.ApproverId);
        Assert.Empty(await host.Sales.ListByCustomerAsync(TestHost.Sophie, customer));
    }

    [Fact]
    public async Task SubmitFromCatalogue_AgreedPriceBeyondTheConfiguredLimit_NeedsApproval()
    {
        await using var host = new TestHost(services => services.AddEcoDriveInMemoryStorage().Configure<PricingOptions>(o => o.DiscountLimits[Role.Salesperson] = 0m));
        var (customer, suv) = await SetUpAsync(host);

        var error = await Assert.ThrowsAsync<DiscountNotAllowedException>(() =>
            host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, customer, [new OrderItem(suv, 1, Money.Euros(41_580m))]));
        var atListPrice = await host.Sales.SubmitFromCatalogueAsync(TestHost.Sophie, customer, [new OrderItem(suv, 1)]);

        Assert.Equal(1m, error.DiscountPercent);
        Assert.Equal(0m, error.LimitPercent);
        Assert.Null((await host.Sales.GetAsync(TestHost.Sophie, atListPrice)).PriceApproval);
    }

    [Fact]
    public async Task DraftOffer_DiscountBeyondTheSellersLimit_NeedsTheApprovalWhichTheOfferAndItsOrderKeep()
    {
        await using var host = new TestHost();
        var (customer, suv) = await SetUpAsync(host);
        OfferItem[] items = [new OfferItem(suv, 1, Discount.Percent(12))];
        var validUntil = host.Clock.GetUtcNow().AddDays(14);

        var refused = await Assert.ThrowsAsync<DiscountNotAllowedException>(() =>
            host.Offers.DraftAsync(TestHost.Sophie, PartyRef.Customer(customer), items, validUntil));
        var offerId = await host.Offers.DraftAsync(TestHost.Sophie, PartyRef.Customer(customer), items, validUntil, TestHost.Helene.Id);
        await host.Offers.SendAsync(TestHost.Sophie, offerId);
        await host.Offers.AcceptAsync(TestHost.Sophie, offerId);
        var orderId = await host.Offers.SubmitOrderAsync(TestHost.Sophie, offerId);

        Assert.Equal(ErrorCodes.Order.DiscountNeedsApproval, refused.Code);
        Assert.Equal(12m, (await host.Offers.GetAsync(TestHost.Sophie, offerId)).PriceApproval?.DiscountPercent);
        Assert.Equal(12m, (await host.Sales.GetAsync(TestHost.Sophie, orderId)).PriceApproval?.DiscountPercent);
    }

    private static OrderLine Line(ProductId product, int unitPrice) => new(product, 1, Money.Euros(unitPrice), VatRate.FrenchStandard);

    private static async Task<(CustomerId Customer, ProductId Suv)> SetUpAsync(TestHost host)
    {
        var suv = await host.Fulfilment.AddProductAsync(TestHost.Admin, "Volt X5 SUV", ProductSegment.Suv, ListPrice, VatRate.FrenchStandard);
        return (await host.AddCamilleAsync(), suv);
    }
}
