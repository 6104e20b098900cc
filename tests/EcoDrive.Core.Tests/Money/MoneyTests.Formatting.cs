using CsCheck;

namespace EcoDrive.Core.Tests.Money;

using Money = EcoDrive.Core.Money;

public sealed partial class MoneyTests
{
    private static string Spaces(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [Theory]
    [InlineData("fr-FR", "C", "1 234,56 €")]
    [InlineData("fr-FR", "N", "1 234,56")]
    [InlineData("fr-FR", "I", "1 234,56 EUR")]
    [InlineData("en-US", "C", "€1,234.56")]
    [InlineData("de-DE", "C", "1.234,56 €")]
    public void ToString_ForCulture_WritesMoneyAsItsPeopleDo(string culture, string format, string expected)
    {
        Assert.Equal(expected, Spaces(Money.Euros(1234.56m).ToString(format, CultureInfo.GetCultureInfo(culture))));
    }

    [Fact]
    public void ToString_ForCulture_UsesTheCurrencysOwnDecimals()
    {
        var yen = Currency.FromCode("JPY");
        var french = CultureInfo.GetCultureInfo("fr-FR");

        Assert.Equal("1 235 " + yen.SymbolFor(french), Spaces(new Money(1234.56m, yen).ToString(french)));
        Assert.Equal("1,234.560 KWD", new Money(1234.56m, Currency.FromCode("KWD")).ToString("I", CultureInfo.GetCultureInfo("en-US")).Replace('\u00A0', ' '));
    }

    [Fact]
    public void Interpolation_InAnyCulture_GivesTheInvariantForm()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("due: 1234.50 EUR", $"due: {Money.Euros(1234.5m)}");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToString_UnknownFormat_ThrowsNamingIt()
    {
        Assert.Contains("'X'", Assert.Throws<FormatException>(() => Money.Euros(1m).ToString("X", CultureInfo.InvariantCulture)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234.50 EUR", 1234.50)]
    [InlineData(" -3 jpy ", -3)]
    [InlineData("0.125 KWD", 0.125)]
    public void Parse_InvariantForm_ReadsAmountAndCurrency(string text, double amount)
    {
        Assert.Equal((decimal)amount, Money.Parse(text).Amount);
    }

    [Theory]
    [InlineData("1 234,50 EUR")]
    [InlineData("1234.50")]
    [InlineData("EUR 1234.50")]
    [InlineData("1234.50 EUX")]
    [InlineData("")]
    public void Parse_OtherText_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => Money.Parse(text));
    }

    [Fact]
    public void Parse_OfToString_RoundTrips()
    {
        MoneyGen.Money.Sample(money => Assert.Equal(money, Money.Parse(money.ToString())), iter: 2000);
    }
}
