using CsCheck;
using EcoDrive.Crm.Offers;

namespace EcoDrive.Crm.Tests.Offers;

public sealed class OfferTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId s_sophie = UserId.New();
    private static readonly ProductId s_volt = ProductId.New();
    private static readonly ProductId s_wallBox = ProductId.New();

    private static Offer Drafted(DateTimeOffset? validUntil = null) => Offer.Draft(
        OfferId.New(),
        PartyRef.Customer(CustomerId.New()),
        [
            new OfferLine(s_volt, "Volt X5 SUV", 2, Money.Euros(42_000m), VatRate.FrenchStandard, Discount.Percent(5)),
            new OfferLine(s_wallBox, "Wall box", 1, Money.Euros(999.99m), VatRate.FrenchReduced, Discount.PerUnit(Money.Euros(100m))),
        ],
        validUntil ?? s_monday.AddDays(14),
        s_sophie,
        s_monday);

    [Fact]
    public void Totals_DiscountedLinesWithTwoRates_FollowEn16931()
    {
        var totals = Drafted().Totals;

        Assert.Equal(Money.Euros(80_699.99m), totals.TotalNet);
        Assert.Equal([Money.Euros(15_960m), Money.Euros(49.50m)], totals.Subtotals.Select(s => s.Vat));
        Assert.Equal(Money.Euros(16_009.50m), totals.TotalVat);
        Assert.Equal(Money.Euros(96_709.49m), totals.TotalGross);
    }

    [Fact]
    public void SendThenAccept_WithinValidity_IsAcceptedWithHistory()
    {
        var offer = Drafted();

        offer.Send(s_sophie, s_monday.AddHours(1));
        offer.Accept(s_sophie, s_monday.AddDays(14));

        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.Equal([OfferStatus.Draft, OfferStatus.Sent, OfferStatus.Accepted], offer.History.Select(h => h.Status));
    }

    [Fact]
    public void Accept_AfterValidity_IsRefusedAsExpiredAndChangesNothing()
    {
        var offer = Drafted();
        offer.Send(s_sophie, s_monday);

        var error = Assert.Throws<OfferExpiredException>(() => offer.Accept(s_sophie, s_monday.AddDays(14).AddTicks(1)));

        Assert.Equal("offer.expired", error.Code);
        Assert.Equal(offer.ValidUntil, error.ValidUntil);
        Assert.Equal(OfferStatus.Sent, offer.Status);
        Assert.Equal(2, offer.History.Count);
        Assert.Equal(OfferStatus.Expired, offer.StatusAsOf(s_monday.AddDays(15)));
        Assert.Equal(OfferStatus.Sent, offer.StatusAsOf(s_monday.AddDays(14)));
    }

    [Fact]
    public void Send_AfterValidity_IsRefusedAsExpired()
    {
        var offer = Drafted();

        Assert.Throws<OfferExpiredException>(() => offer.Send(s_sophie, s_monday.AddDays(20)));
        Assert.Equal(OfferStatus.Draft, offer.Status);
    }

    [Fact]
    public void Expire_BeforeValidityEnds_IsRefusedNamingTheUnmetGuard()
    {
        var offer = Drafted();
        offer.Send(s_sophie, s_monday);

        var error = Assert.Throws<InvalidTransitionException>(() => offer.Expire(null, s_monday.AddDays(1)));

        Assert.Equal("offer.invalid-transition", error.Code);
        Assert.Contains(error.UnmetGuards, g => g.StartsWith("validity ended", StringComparison.Ordinal));
        Assert.Equal(OfferStatus.Sent, offer.Status);

        offer.Expire(null, s_monday.AddDays(15));
        Assert.Equal(OfferStatus.Expired, offer.Status);
        Assert.Null(offer.History[^1].Actor);
    }

    [Fact]
    public void Accept_DraftNeverSent_IsRefused()
    {
        var offer = Drafted();

        var error = Assert.Throws<InvalidTransitionException>(() => offer.Accept(s_sophie, s_monday));

        Assert.Equal("Draft", error.State);
        Assert.Equal(["Send"], error.PermittedTriggers);
    }

    [Fact]
    public void MarkOrdered_Twice_IsRefusedAndKeepsTheFirstOrder()
    {
        var offer = Drafted();
        offer.Send(s_sophie, s_monday);
        offer.Accept(s_sophie, s_monday.AddDays(1));
        var first = OrderId.New();

        offer.MarkOrdered(first);
        var error = Assert.Throws<DomainException>(() => offer.MarkOrdered(OrderId.New()));

        Assert.Equal("offer.already-ordered", error.Code);
        Assert.Equal(first, offer.OrderId);
    }

    [Fact]
    public void MarkOrdered_WhenDeclined_IsRefused()
    {
        var offer = Drafted();
        offer.Send(s_sophie, s_monday);
        offer.Decline("too expensive", s_sophie, s_monday.AddDays(1));

        Assert.Throws<InvalidTransitionException>(() => offer.MarkOrdered(OrderId.New()));
        Assert.Null(offer.OrderId);
        Assert.Equal("too expensive", offer.History[^1].Note);
    }

    [Fact]
    public void Draft_ValidityNotInTheFuture_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => Drafted(s_monday));

        Assert.Equal("validUntil", error.ParamName);
    }

    [Fact]
    public void Draft_LinesInTwoCurrencies_Throws()
    {
        Assert.Throws<CurrencyMismatchException>(() => Offer.Draft(
            OfferId.New(),
            PartyRef.Lead(LeadId.New()),
            [
                new OfferLine(s_volt, "Volt X5 SUV", 1, Money.Euros(42_000m), VatRate.FrenchStandard),
                new OfferLine(s_wallBox, "Wall box", 1, new Money(999m, Currency.FromCode("USD")), VatRate.FrenchStandard),
            ],
            s_monday.AddDays(1),
            s_sophie,
            s_monday));
    }

    [Fact]
    public void ToOrderLine_AnyPriceQuantityAndDiscount_CarriesExactlyTheOfferLinesNetAmount()
    {
        var discount = Gen.OneOf(
            Gen.Const(Discount.None),
            Gen.Int[1, 10_000].Select(hundredths => Discount.Percent(hundredths / 100m)));
        Gen.Select(Gen.Long[0, 10_000_000], Gen.Int[1, 50], discount).Sample(
            (cents, quantity, off) =>
            {
                var line = new OfferLine(s_volt, "Volt X5 SUV", quantity, Money.FromMinorUnits(cents, Currency.Eur), VatRate.FrenchStandard, off);

                Assert.Equal(line.Net, line.ToOrderLine().Net);
                Assert.Equal(line.UnitPrice * quantity, line.Net + line.DiscountTotal);
                Assert.True(line.NetUnitPrice <= line.UnitPrice && line.NetUnitPrice.Amount >= 0m);
            },
            iter: 1000);
    }

    [Fact]
    public void OfferLine_DiscountLargerThanPrice_ThrowsAndPercentOutOfRangeThrows()
    {
        Assert.Throws<InvalidInputException>(() =>
            new OfferLine(s_volt, "Volt X5 SUV", 1, Money.Euros(100m), VatRate.FrenchStandard, Discount.PerUnit(Money.Euros(100.01m))));
        Assert.Throws<InvalidInputException>(() => Discount.Percent(0m));
        Assert.Throws<InvalidInputException>(() => Discount.Percent(100.5m));
        Assert.Equal("8 %", Discount.Percent(8).ToString());
        Assert.Equal("none", Discount.None.ToString());
    }
}
