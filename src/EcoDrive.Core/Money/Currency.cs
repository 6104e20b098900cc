using System.Collections.Frozen;

namespace EcoDrive.Core;

/// <summary>
/// An ISO 4217 currency: its three-letter code, numeric code and minor unit (the number of decimals of its
/// smallest unit: 2 for the euro, 0 for the yen).
/// </summary>
/// <remarks>
/// Equality is by code. <c>default(Currency)</c> is <see cref="None"/> (<c>XXX</c>, "no currency"), whose minor unit is 0.
/// </remarks>
public readonly struct Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, Currency> s_byCode = new Currency[]
    {
        new("EUR", 978, 2), new("USD", 840, 2), new("GBP", 826, 2), new("CHF", 756, 2),
        new("JPY", 392, 0), new("SEK", 752, 2), new("NOK", 578, 2), new("DKK", 208, 2),
        new("PLN", 985, 2), new("CZK", 203, 2), new("CAD", 124, 2), new("XXX", 999, 0),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    private readonly string? _code;
    private readonly short _number;
    private readonly byte _minorUnit;

    private Currency(string code, short number, byte minorUnit)
    {
        _code = code;
        _number = number;
        _minorUnit = minorUnit;
    }

    /// <summary>The euro (EUR, 978, 2 decimals).</summary>
    public static Currency Eur => s_byCode["EUR"];

    /// <summary>"No currency" (XXX, 999, 0 decimals); also <c>default(Currency)</c>.</summary>
    public static Currency None => default;

    /// <summary>The ISO 4217 alphabetic code, upper case (<c>EUR</c>).</summary>
    public string Code => _code ?? "XXX";

    /// <summary>The ISO 4217 numeric code (<c>978</c> for the euro).</summary>
    public int Number => _code is null ? 999 : _number;

    /// <summary>Number of decimals of the currency's minor unit (2 for EUR, 0 for JPY).</summary>
    public int MinorUnit => _minorUnit;

    /// <summary>Returns the currency with the ISO 4217 code <paramref name="code"/> (case-insensitive).</summary>
    /// <param name="code">Three-letter ISO 4217 code.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a known ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a known ISO 4217 currency code.", nameof(code));
    }

    /// <summary>Looks up an ISO 4217 code (case-insensitive) without throwing.</summary>
    /// <param name="code">Three-letter ISO 4217 code.</param>
    /// <param name="currency">The currency when found, else <see cref="None"/>.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool TryFromCode(string? code, out Currency currency)
    {
        currency = default;
        return code is not null && s_byCode.TryGetValue(code.Trim().ToUpperInvariant(), out currency);
    }

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    /// <summary>The ISO 4217 code.</summary>
    public override string ToString() => Code;

    /// <summary>Whether two currencies have the same code.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Whether two currencies have different codes.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}
