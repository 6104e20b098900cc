namespace EcoDrive.Core.Tests.Money;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 978, 2)]
    [InlineData("JPY", 392, 0)]
    [InlineData("KWD", 414, 3)]
    [InlineData("CLF", 990, 4)]
    [InlineData("XOF", 952, 0)]
    [InlineData("BYN", 933, 2)]
    [InlineData("MRU", 929, 2)]
    public void FromCode_GivesTheIsoNumberAndMinorUnit(string code, int number, int minorUnit)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(number, currency.Number);
        Assert.Equal(minorUnit, currency.MinorUnit);
        Assert.True(currency.HasMinorUnit);
    }

    [Fact]
    public void All_HoldsEveryActiveCodeOnce()
    {
        Assert.True(Currency.All.Count > 170);
        Assert.Equal(Currency.All.Count, Currency.All.Select(c => c.Number).Distinct().Count());
        Assert.DoesNotContain(Currency.All, c => c.Code is "FRF" or "DEM" or "HRK" or "BYR");
    }

    [Fact]
    public void PreciousMetal_HasNoMinorUnit_SoAmountsAreNotRounded()
    {
        var gold = Currency.FromCode("XAU");

        Assert.False(gold.HasMinorUnit);
        Assert.Equal(1.23456m, new Core.Money(1.23456m, gold).Amount);
    }

    [Fact]
    public void SymbolFor_UsesTheSymbolOfTheRegionsThatUseIt()
    {
        Assert.Equal("€", Currency.Eur.SymbolFor(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("£", Currency.FromCode("GBP").SymbolFor(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("XAU", Currency.FromCode("XAU").SymbolFor(CultureInfo.GetCultureInfo("fr-FR")));
    }
}
