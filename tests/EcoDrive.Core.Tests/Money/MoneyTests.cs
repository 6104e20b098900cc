namespace EcoDrive.Core.Tests.Money;

using Money = EcoDrive.Core.Money;

public sealed partial class MoneyTests
{
    [Theory]
    [InlineData("10.125", "10.12")]
    [InlineData("10.135", "10.14")]
    [InlineData("-10.125", "-10.12")]
    [InlineData("0.001", "0.00")]
    public void Constructor_ByDefault_RoundsToMinorUnitWithBankersRounding(string amount, string expected)
    {
        var money = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.Eur);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), money.Amount);
    }

    [Fact]
    public void Constructor_WithAwayFromZero_RoundsMidpointUp()
    {
        Assert.Equal(10.13m, new Money(10.125m, Currency.Eur, MidpointRounding.AwayFromZero).Amount);
    }

    [Fact]
    public void Constructor_InCurrencyWithoutMinorUnit_RoundsToWholeUnits()
    {
        Assert.Equal(1234m, new Money(1234.4m, Currency.FromCode("JPY")).Amount);
    }

    [Fact]
    public void Add_SameCurrency_SumsAmounts()
    {
        Assert.Equal(Money.Euros(12.35m), Money.Euros(10.10m) + Money.Euros(2.25m));
        Assert.Equal(Money.Euros(12.35m), Money.Add(Money.Euros(10.10m), Money.Euros(2.25m)));
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsNamingBothCodes()
    {
        var error = Assert.Throws<CurrencyMismatchException>(() => Money.Euros(1m) + new Money(1m, Currency.FromCode("USD")));

        Assert.Equal("money.currency-mismatch", error.Code);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DifferentCurrencies_Throws()
    {
        Assert.Throws<CurrencyMismatchException>(() => Money.Euros(1m) < new Money(2m, Currency.FromCode("GBP")));
    }

    [Fact]
    public void Multiply_ByFactor_RoundsResultToMinorUnit()
    {
        Assert.Equal(Money.Euros(3.33m), Money.Euros(10m) * (1m / 3m));
    }

    [Fact]
    public void MinorUnits_RoundTripsThroughFromMinorUnits()
    {
        var money = Money.Euros(1234.56m);

        Assert.Equal(123456L, money.MinorUnits);
        Assert.Equal(money, Money.FromMinorUnits(money.MinorUnits, Currency.Eur));
    }

    [Fact]
    public void Sum_OfNothing_IsZeroInTheCurrency()
    {
        Assert.Equal(Money.Zero(Currency.Eur), Money.Sum([], Currency.Eur));
    }

    [Fact]
    public void ToString_IsInvariantWithAllDecimalsAndCode()
    {
        Assert.Equal("1234.50 EUR", Money.Euros(1234.5m).ToString());
    }

    [Fact]
    public void Default_IsZeroWithoutCurrency()
    {
        Money money = default;

        Assert.True(money.IsZero);
        Assert.Equal("XXX", money.Currency.Code);
        Assert.Equal(Currency.None, money.Currency);
    }

    [Fact]
    public void FromCode_UnknownCode_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidInputException>(() => Currency.FromCode("EUX"));

        Assert.Contains("EUX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_IsCaseInsensitive()
    {
        Assert.Equal(Currency.Eur, Currency.FromCode("eur"));
        Assert.Equal(978, Currency.Eur.Number);
        Assert.Equal(2, Currency.Eur.MinorUnit);
    }
}
