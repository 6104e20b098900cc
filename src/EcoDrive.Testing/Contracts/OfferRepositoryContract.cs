using EcoDrive.Crm;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IOfferRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class OfferRepositoryContract : StorageContract
{
    /// <summary>An offer reads back with its lines and discount, and its changes are kept.</summary>
    [StorageFact]
    public async Task Add_ThenUpdate_KeepsTheState()
    {
        var offer = TestData.Offer(PartyRef.Lead(LeadId.New()), TestData.Product(ProductSegment.Suv), TestData.Start.AddDays(14), TestData.Start);
        await AddAsync(scope => Get<IOfferRepository>(scope).Add(offer));
        Assert.Equal(Json(offer.ToSnapshot()), Json((await ReadAsync(scope => Get<IOfferRepository>(scope).FindAsync(offer.Id)))!.ToSnapshot()));

        await InScopeAsync(async scope =>
        {
            var stored = (await Get<IOfferRepository>(scope).FindAsync(offer.Id))!;
            stored.Send(TestData.Salesperson, TestData.Start.AddHours(1));
            Get<IOfferRepository>(scope).Update(stored);
        });

        Assert.Equal(OfferStatus.Sent, (await ReadAsync(scope => Get<IOfferRepository>(scope).FindAsync(offer.Id)))!.Status);
        Assert.Null(await ReadAsync(scope => Get<IOfferRepository>(scope).FindAsync(OfferId.New())));
    }

    /// <summary>The approval of a discount beyond its owner's limit is kept with the offer.</summary>
    [StorageFact]
    public async Task Add_WithAPriceApproval_ReadsItBack()
    {
        var product = TestData.Product(ProductSegment.Suv);
        var approval = new PriceApproval(UserId.New(), 12m, TestData.Start);
        var offer = Offer.Draft(
            OfferId.New(),
            PartyRef.Customer(CustomerId.New()),
            [new OfferLine(product.Id, product.Name, 1, product.ListPrice, product.VatRate, Discount.Percent(12m))],
            TestData.Start.AddDays(14),
            TestData.Salesperson,
            TestData.Start,
            approval);
        await AddAsync(scope => Get<IOfferRepository>(scope).Add(offer));

        var found = await ReadAsync(scope => Get<IOfferRepository>(scope).FindAsync(offer.Id));

        Assert.Equal(approval, found!.PriceApproval);
    }

    /// <summary>A party's offers oldest first; and the sent offers whose validity ended, soonest first.</summary>
    [StorageFact]
    public async Task FindByPartyAndSentExpired_ReturnTheMatchingOffers()
    {
        var party = PartyRef.Customer(CustomerId.New());
        var product = TestData.Product(ProductSegment.CityCar);
        var expiredLater = TestData.Offer(party, product, TestData.Start.AddDays(2), TestData.Start.AddHours(1));
        var expiredFirst = TestData.Offer(party, product, TestData.Start.AddDays(1), TestData.Start.AddHours(2));
        var stillValid = TestData.Offer(PartyRef.Lead(LeadId.New()), product, TestData.Start.AddDays(30), TestData.Start);
        var draft = TestData.Offer(party, product, TestData.Start.AddDays(1), TestData.Start.AddHours(3));
        foreach (var offer in new[] { expiredLater, expiredFirst, stillValid })
        {
            offer.Send(TestData.Salesperson, TestData.Start.AddHours(4));
        }

        await AddAsync(scope =>
        {
            foreach (var offer in new[] { expiredLater, expiredFirst, stillValid, draft })
            {
                Get<IOfferRepository>(scope).Add(offer);
            }
        });

        var byParty = await ReadAsync(scope => Get<IOfferRepository>(scope).FindByPartyAsync(party));
        var expired = await ReadAsync(scope => Get<IOfferRepository>(scope).FindSentExpiredAsync(TestData.Start.AddDays(3)));

        Assert.Equal([expiredLater.Id, expiredFirst.Id, draft.Id], byParty.Select(o => o.Id));
        Assert.Equal([expiredFirst.Id, expiredLater.Id], expired.Select(o => o.Id));
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var offer = TestData.Offer(PartyRef.Customer(CustomerId.New()), TestData.Product(ProductSegment.Suv), TestData.Start.AddDays(14), TestData.Start);
        offer.Send(TestData.Salesperson, TestData.Start);
        await AddAsync(scope => Get<IOfferRepository>(scope).Add(offer));

        await AssertStaleWriteIsRefusedAsync<IOfferRepository, Offer>(
            offers => offers.FindAsync(offer.Id),
            (o, writer) =>
            {
                if (writer == 1)
                {
                    o.Accept(TestData.Salesperson, TestData.Start.AddHours(1));
                }
                else
                {
                    o.Decline("too expensive", TestData.Salesperson, TestData.Start.AddHours(1));
                }
            },
            (offers, o) => offers.Update(o),
            o => Json(o.ToSnapshot()));
    }
}
