using System.Text.Json;
using CsCheck;

namespace EcoDrive.Core.Tests.Money;

using Money = EcoDrive.Core.Money;

public sealed partial class MoneyTests
{
    [Fact]
    public void Json_WritesAmountAsStringWithAllDecimals()
    {
        Assert.Equal("""{"amount":"1234.50","currency":"EUR"}""", JsonSerializer.Serialize(Money.Euros(1234.5m)));
    }

    [Fact]
    public void Json_ReadsAmountAsStringOrNumber()
    {
        Assert.Equal(Money.Euros(1234.5m), JsonSerializer.Deserialize<Money>("""{"amount":"1234.50","currency":"EUR"}"""));
        Assert.Equal(Money.Euros(1234.5m), JsonSerializer.Deserialize<Money>("""{"Currency":"eur","Amount":1234.5}"""));
    }

    [Theory]
    [InlineData("""{"amount":"12,50","currency":"EUR"}""")]
    [InlineData("""{"amount":"12.50"}""")]
    [InlineData("""{"amount":"12.50","currency":"EUX"}""")]
    [InlineData("""{"amount":true,"currency":"EUR"}""")]
    [InlineData("\"12.50 EUR\"")]
    public void Json_InvalidShape_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json));
    }

    [Fact]
    public void Json_RoundTrips()
    {
        MoneyGen.Money.Sample(
            money => Assert.Equal(money, JsonSerializer.Deserialize<Money>(JsonSerializer.Serialize(money, EcoDriveJson.Options), EcoDriveJson.Options)),
            iter: 2000);
    }
}
