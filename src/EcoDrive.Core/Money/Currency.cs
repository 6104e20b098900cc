using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>
/// An ISO 4217 currency: its three-letter code, numeric code, minor unit (the number of decimals of its smallest
/// unit: 2 for the euro, 0 for the yen, 3 for the Kuwaiti dinar) and English name. Every active ISO 4217 code is
/// known, from a table embedded in the package.
/// </summary>
/// <remarks>
/// Equality is by code. <c>default(Currency)</c> is <see cref="None"/> (<c>XXX</c>, "no currency"). Units that ISO
/// gives no minor unit (<c>XXX</c>, <c>XAU</c> and the other metals, <c>XDR</c>…) have <see cref="HasMinorUnit"/>
/// <see langword="false"/>: amounts in them are not rounded. Serialises to JSON as its code (<c>"EUR"</c>).
/// </remarks>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>
{
    private const string NoneCode = "XXX";
    private static readonly FrozenDictionary<string, Currency> s_byCode = LoadIsoTable();
    private static readonly ConcurrentSymbolCache s_symbols = new();

    private readonly string? _code;
    private readonly short _number;
    private readonly sbyte _minorUnit;
    private readonly string? _name;

    private Currency(string code, short number, sbyte minorUnit, string name)
    {
        _code = code;
        _number = number;
        _minorUnit = minorUnit;
        _name = name;
    }

    /// <summary>The euro (EUR, 978, 2 decimals).</summary>
    public static Currency Eur { get; } = FromCode("EUR");

    /// <summary>"No currency" (XXX, 999, no minor unit); also <c>default(Currency)</c>.</summary>
    public static Currency None => default;

    /// <summary>Every currency of the ISO 4217 table, by code.</summary>
    public static IReadOnlyCollection<Currency> All => s_byCode.Values;

    /// <summary>The ISO 4217 alphabetic code, upper case (<c>EUR</c>).</summary>
    public string Code => _code ?? NoneCode;

    /// <summary>The ISO 4217 numeric code (<c>978</c> for the euro).</summary>
    public int Number => _code is null ? 999 : _number;

    /// <summary>
    /// Number of decimals of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD); 0 when
    /// <see cref="HasMinorUnit"/> is <see langword="false"/>.
    /// </summary>
    public int MinorUnit => Math.Max((int)_minorUnit, 0);

    /// <summary>Whether ISO 4217 gives the unit a minor unit; amounts in a unit without one are not rounded.</summary>
    public bool HasMinorUnit => _code is not null && _minorUnit >= 0;

    /// <summary>The ISO 4217 English name (<c>Euro</c>).</summary>
    public string Name => _name ?? "No currency";

    /// <summary>
    /// The symbol that people of <paramref name="culture"/>'s region write for this currency (<c>€</c>, <c>$</c>,
    /// <c>£</c>), or the ISO code when no region uses one.
    /// </summary>
    /// <param name="culture">Whose writing; the current culture when <see langword="null"/>.</param>
    public string SymbolFor(CultureInfo? culture = null) => s_symbols.Get(Code, culture ?? CultureInfo.CurrentCulture);

    /// <summary>Returns the currency with the ISO 4217 code <paramref name="code"/> (case-insensitive).</summary>
    /// <param name="code">Three-letter ISO 4217 code.</param>
    /// <exception cref="InvalidInputException"><paramref name="code"/> is not an active ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{code}' is not an active ISO 4217 currency code.", nameof(code));
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

    private static FrozenDictionary<string, Currency> LoadIsoTable()
    {
        using var stream = typeof(Currency).Assembly.GetManifestResourceStream("EcoDrive.Core.iso4217.csv")
            ?? throw new InvalidOperationException("The embedded ISO 4217 table is missing from EcoDrive.Core.");
        using var reader = new StreamReader(stream);
        var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(',', 4);
            var minorUnit = fields[2] == "-" ? (sbyte)-1 : sbyte.Parse(fields[2], CultureInfo.InvariantCulture);
            currencies.Add(fields[0], new Currency(fields[0], short.Parse(fields[1], CultureInfo.InvariantCulture), minorUnit, fields[3]));
        }

        return currencies.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Currency symbols as the regions that use each currency write them, cached per code and culture.</summary>
    private sealed class ConcurrentSymbolCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Code, string Culture), string> _symbols = new();
        private readonly Lazy<ILookup<string, RegionInfo>> _regionsByCurrency = new(() =>
            CultureInfo.GetCultures(CultureTypes.SpecificCultures)
                .Select(c => TryRegion(c.Name))
                .OfType<RegionInfo>()
                .DistinctBy(r => r.Name)
                .ToLookup(r => r.ISOCurrencySymbol, StringComparer.Ordinal));

        public string Get(string code, CultureInfo culture) => _symbols.GetOrAdd((code, culture.Name), key =>
        {
            var regions = _regionsByCurrency.Value[key.Code].ToArray();
            if (regions.Length == 0)
            {
                return key.Code;
            }

            var own = TryRegion(key.Culture);
            var region = regions.FirstOrDefault(r => r.Name == own?.Name) ?? regions[0];
            return region.CurrencySymbol;
        });

        private static RegionInfo? TryRegion(string cultureName)
        {
            try
            {
                return cultureName.Length == 0 ? null : new RegionInfo(cultureName);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
