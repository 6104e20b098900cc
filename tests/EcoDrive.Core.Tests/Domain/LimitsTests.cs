namespace EcoDrive.Core.Tests.Domain;

using EcoDrive.Core.Customers;
using Money = EcoDrive.Core.Money;

public sealed class LimitsTests
{
    [Fact]
    public void Limits_WorstCaseProducts_FitTheirTypes()
    {
        // The bounds exist so that these can never overflow: one line, one order of many lines, its VAT.
        var line = Limits.MaxAmount * Limits.MaxQuantity;
        var vat = VatRate.FrenchStandard.VatOn(Money.Euros(Limits.MaxAmount));

        Assert.True(line < decimal.MaxValue / 1_000_000m);
        Assert.Equal(200_000_000m, vat.Amount);
        Assert.True((long)Limits.MaxStockQuantity * 2 < int.MaxValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Limits.MaxQuantity + 1)]
    [InlineData(int.MaxValue)]
    public void RequireQuantity_OutOfRange_ThrowsNamingTheParameter(int quantity)
    {
        var error = Assert.Throws<InvalidInputException>(() => Limits.RequireQuantity(quantity));

        Assert.Equal("quantity", error.ParamName);
    }

    [Fact]
    public void RequireAmount_DecimalMaxValue_ThrowsNamingTheParameter()
    {
        var listPrice = Money.Euros(decimal.MaxValue);

        var error = Assert.Throws<InvalidInputException>(() => Limits.RequireAmount(listPrice));

        Assert.Equal("listPrice", error.ParamName);
    }

    [Fact]
    public void RequireAmount_AtTheLimit_IsAccepted()
    {
        Assert.Equal(Money.Euros(Limits.MaxAmount), Limits.RequireAmount(Money.Euros(Limits.MaxAmount)));
    }

    [Fact]
    public void OrderLine_DecimalMaxValuePrice_Throws()
    {
        var error = Assert.Throws<InvalidInputException>(() => new OrderLine(ProductId.New(), 2, Money.Euros(decimal.MaxValue), VatRate.FrenchStandard));

        Assert.Equal("unitPrice", error.ParamName);
    }

    [Fact]
    public void OrderLine_Int32MaxValueQuantity_Throws()
    {
        var error = Assert.Throws<InvalidInputException>(() => new OrderLine(ProductId.New(), int.MaxValue, Money.Euros(1m), VatRate.FrenchStandard));

        Assert.Equal("quantity", error.ParamName);
    }

    [Fact]
    public void RequireOrderLimits_SameProductAboveMaxQuantity_ThrowsLimitExceeded()
    {
        var product = ProductId.New();
        OrderLine[] lines = [new(product, Limits.MaxQuantity, Money.Euros(0m), VatRate.Zero), new(product, 1, Money.Euros(0m), VatRate.Zero)];

        var error = Assert.Throws<LimitExceededException>(() => Limits.RequireOrderLimits(ErrorCodes.Order.LimitExceeded, "o-1", lines));

        Assert.Equal("order.limit-exceeded", error.Code);
        Assert.Equal(Limits.MaxQuantity + 1, error.Attempted);
    }

    [Fact]
    public void RequireOrderLimits_NetTotalAboveMaxAmount_ThrowsLimitExceeded()
    {
        OrderLine[] lines = [new(ProductId.New(), 2, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard)];

        var error = Assert.Throws<LimitExceededException>(() => Limits.RequireOrderLimits(ErrorCodes.Order.LimitExceeded, "o-1", lines));

        Assert.Equal("order.limit-exceeded", error.Code);
        Assert.Equal(Limits.MaxAmount, error.Maximum);
    }

    [Fact]
    public void RequireOrderLimits_AtTheLimit_ReturnsTheNetTotal()
    {
        OrderLine[] lines = [new(ProductId.New(), 1, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard)];

        Assert.Equal(Money.Euros(Limits.MaxAmount), Limits.RequireOrderLimits(ErrorCodes.Order.LimitExceeded, "o-1", lines));
    }

    [Fact]
    public void CreateIndividual_NulInName_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => Customer.CreateIndividual(CustomerId.New(), "Jean\u0000", "Dupont", ContactDetails.Parse(null, null), DateTimeOffset.UnixEpoch));

        Assert.Equal("firstName", error.ParamName);
    }

    [Fact]
    public void CreateCompany_TenMegabyteName_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => Customer.CreateCompany(CustomerId.New(), new string('x', 10 * 1024 * 1024), ContactDetails.Parse(null, null), DateTimeOffset.UnixEpoch));

        Assert.Equal("legalName", error.ParamName);
    }

    [Fact]
    public void PostalAddress_NulInCity_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => new PostalAddress("1 rue de la Paix", "75002", "Paris\u0000"));

        Assert.Equal("city", error.ParamName);
    }

    [Fact]
    public void GrantMarketingConsent_ControlCharacterInSource_ThrowsAndRecordsNothing()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Jean", "Dupont", ContactDetails.Parse(null, null), DateTimeOffset.UnixEpoch);

        Assert.Throws<InvalidInputException>(() => customer.GrantMarketingConsent(DateTimeOffset.UnixEpoch, "web\u0000form"));
        Assert.Empty(customer.ConsentHistory);
    }

    [Fact]
    public void EmailAddress_Nul_IsNotAnAddress()
    {
        Assert.False(EmailAddress.TryParse("jean\u0000@example.fr", out _));
    }
}
