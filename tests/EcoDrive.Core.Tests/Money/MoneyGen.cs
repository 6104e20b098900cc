using CsCheck;

namespace EcoDrive.Core.Tests.Money;

using Money = EcoDrive.Core.Money;

/// <summary>Generators of amounts for the money laws.</summary>
internal static class MoneyGen
{
    public static readonly Gen<Currency> Currency = Gen.OneOf<Currency>(
        Core.Currency.Eur, Core.Currency.FromCode("JPY"), Core.Currency.FromCode("KWD"), Core.Currency.FromCode("CLF"), Core.Currency.FromCode("USD"));

    /// <summary>Amounts up to ±10^13 major units, with any number of minor units.</summary>
    public static readonly Gen<Money> Money = Gen.Select(Gen.Long[-10_000_000_000_000_000, 10_000_000_000_000_000], Currency, (minor, currency) =>
        new Money(minor / Pow10(currency.MinorUnit) / (currency.MinorUnit == 0 ? 1_000m : 1m), currency));

    public static Gen<(Money A, Money B, Money C)> ThreeInOneCurrency { get; } =
        Currency.SelectMany(currency => Gen.Select(Amount(currency), Amount(currency), Amount(currency), (a, b, c) => (a, b, c)));

    private static Gen<Money> Amount(Currency currency) =>
        Gen.Long[-1_000_000_000_000_000, 1_000_000_000_000_000].Select(minor => Core.Money.FromMinorUnits(minor, currency));

    private static decimal Pow10(int exponent) => exponent == 0 ? 1m : 10m * Pow10(exponent - 1);
}
