using EcoDrive.Crm;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Application;

namespace EcoDrive.Application.Tests.Services;

public sealed class OfferJourneyTests
{
    [Fact]
    public async Task AcceptedOffer_ToALeadThenWon_BecomesAnOrderThatTheErpConfirmsAtTheDiscountedPrice()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 3);
        var lead = await host.QualifiedLeadAsync("camille.martin@example.fr");

        var offerId = await host.Offers.DraftAsync(
            TestHost.Sophie, PartyRef.Lead(lead), [new OfferItem(suv, 1, Discount.Percent(5))], host.Clock.GetUtcNow().AddDays(14));
        await host.Offers.SendAsync(TestHost.Sophie, offerId);
        Assert.Equal(LeadStage.OfferSent, (await host.Leads.GetAsync(TestHost.Sophie, lead)).Stage);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.Offers.AcceptAsync(TestHost.Sophie, offerId);
        var notYet = await Assert.ThrowsAsync<DomainException>(() => host.Offers.SubmitOrderAsync(TestHost.Sophie, offerId));
        var customer = await host.Leads.WinAsync(TestHost.Sophie, lead);

        var orderId = await host.Offers.SubmitOrderAsync(TestHost.Sophie, offerId);
        await host.Dispatcher.DrainAsync();

        Assert.Equal("offer.lead-not-converted", notYet.Code);
        var offer = await host.Offers.GetAsync(TestHost.Sophie, offerId);
        Assert.Equal((OfferStatus.Accepted, orderId), (offer.Status, offer.OrderId));
        Assert.Equal(Money.Euros(47_880m), offer.Totals.TotalGross);
        var crm = await host.Sales.GetAsync(TestHost.Sophie, orderId);
        Assert.Equal((OrderStatus.Confirmed, customer), (crm.Status, crm.CustomerId));
        Assert.Equal(Money.Euros(39_900m), Assert.Single(crm.Lines).UnitPrice);
        var erp = await host.Fulfilment.GetOrderAsync(TestHost.Admin, orderId);
        Assert.Equal(OrderStatus.Confirmed, erp.Status);
        Assert.Single((await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations);
    }

    [Fact]
    public async Task SubmitOrder_Twice_IsRefusedAndRecordsOneOrder()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 3);
        var camille = await host.AddCamilleAsync();
        var offerId = await host.SentOfferAsync(camille, suv, 2, TimeSpan.FromDays(7));
        await host.Offers.AcceptAsync(TestHost.Sophie, offerId);
        var first = await host.Offers.SubmitOrderAsync(TestHost.Sophie, offerId);

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Offers.SubmitOrderAsync(TestHost.Sophie, offerId));

        Assert.Equal("offer.already-ordered", error.Code);
        await host.Dispatcher.DrainAsync();
        Assert.Equal([first], (await host.Sales.ListByCustomerAsync(TestHost.Sophie, camille)).Select(o => o.Id));
        Assert.Equal([first], (await host.Sales.ListBySalespersonAsync(TestHost.Sophie, TestHost.Sophie.Id)).Select(o => o.Id));
        Assert.Single((await host.Fulfilment.GetStockAsync(TestHost.Admin, suv)).Reservations);
    }

    [Fact]
    public async Task Accept_AfterTheValidityOnTheClock_IsRefusedAsExpiredAndChangesNothing()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = await host.AddCamilleAsync();
        var offerId = await host.SentOfferAsync(camille, suv, 1, TimeSpan.FromDays(7));
        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<OfferExpiredException>(() => host.Offers.AcceptAsync(TestHost.Sophie, offerId));

        Assert.Equal("offer.expired", error.Code);
        var offer = await host.Offers.GetAsync(TestHost.Sophie, offerId);
        Assert.Equal(OfferStatus.Sent, offer.Status);
        Assert.Equal(2, offer.History.Count);
        Assert.Equal(OfferStatus.Expired, offer.StatusAsOf(host.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task ExpireDue_RecordsTheExpiryOfSentOffersPastTheirValidityOnly()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var camille = PartyRef.Customer(await host.AddCamilleAsync());
        var now = host.Clock.GetUtcNow();
        var shortOne = await host.Offers.DraftAsync(TestHost.Sophie, camille, [new OfferItem(suv, 1)], now.AddDays(2));
        var longOne = await host.Offers.DraftAsync(TestHost.Sophie, camille, [new OfferItem(suv, 1)], now.AddDays(30));
        var draftOnly = await host.Offers.DraftAsync(TestHost.Sophie, camille, [new OfferItem(suv, 1)], now.AddDays(2));
        await host.Offers.SendAsync(TestHost.Sophie, shortOne);
        await host.Offers.SendAsync(TestHost.Sophie, longOne);
        host.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1, await host.Offers.ExpireDueAsync(TestHost.Sophie));
        Assert.Equal(0, await host.Offers.ExpireDueAsync(TestHost.Sophie));

        Assert.Equal(OfferStatus.Expired, (await host.Offers.GetAsync(TestHost.Sophie, shortOne)).Status);
        Assert.Equal(OfferStatus.Sent, (await host.Offers.GetAsync(TestHost.Sophie, longOne)).Status);
        Assert.Equal(OfferStatus.Draft, (await host.Offers.GetAsync(TestHost.Sophie, draftOnly)).Status);
    }

    [Fact]
    public async Task Draft_UnknownProduct_IsRefusedNamingIt()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() =>
            host.Offers.DraftAsync(TestHost.Sophie, PartyRef.Customer(camille), [new OfferItem(ProductId.New(), 1)], host.Clock.GetUtcNow().AddDays(1)));

        Assert.Equal("product.not-found", error.Code);
    }
}
