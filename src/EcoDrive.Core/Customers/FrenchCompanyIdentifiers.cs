using System.Text.Json.Serialization;

namespace EcoDrive.Core.Customers;

/// <summary>
/// A SIREN: the nine-digit number that identifies a French company, with its Luhn check digit. Spaces are ignored
/// when parsing (<c>732 829 320</c>).
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<Siren>))]
public readonly record struct Siren : ITextValue<Siren>
{
    private Siren(string value) => Value = value;

    /// <summary>The nine digits.</summary>
    public string Value { get; }

    /// <summary>Validates a SIREN.</summary>
    /// <param name="text">Nine digits, spaces allowed.</param>
    /// <exception cref="InvalidInputException"><paramref name="text"/> is not nine digits with a valid Luhn check digit.</exception>
    public static Siren Parse(string text) =>
        TryParse(text, out var siren)
            ? siren
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{text}' is not a valid SIREN: expected 9 digits with a valid check digit.", nameof(text));

    /// <summary>Validates a SIREN without throwing.</summary>
    /// <param name="text">Nine digits, spaces allowed.</param>
    /// <param name="siren">The SIREN when valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid SIREN.</returns>
    public static bool TryParse(string? text, out Siren siren)
    {
        siren = default;
        var digits = FrenchIdentifiers.Digits(text, 9);
        if (digits is null || !FrenchIdentifiers.PassesLuhn(digits))
        {
            return false;
        }

        siren = new Siren(digits);
        return true;
    }

    /// <summary>The nine digits.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>
/// A SIRET: the fourteen-digit number of one establishment of a French company — its SIREN and a five-digit
/// establishment number — checked with the Luhn algorithm. La Poste's establishments (SIREN 356 000 000), whose
/// numbers outgrew the Luhn key, are checked as INSEE does: their digit sum is a multiple of 5 (except the head
/// office, 356 000 000 00048, which is a plain Luhn number).
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<Siret>))]
public readonly record struct Siret : ITextValue<Siret>
{
    private const string LaPosteSiren = "356000000";
    private const string LaPosteHeadOffice = "35600000000048";

    private Siret(string value) => Value = value;

    /// <summary>The fourteen digits.</summary>
    public string Value { get; }

    /// <summary>The company's SIREN: the first nine digits.</summary>
    public Siren Siren => Siren.Parse(Value[..9]);

    /// <summary>Validates a SIRET.</summary>
    /// <param name="text">Fourteen digits, spaces allowed.</param>
    /// <exception cref="InvalidInputException"><paramref name="text"/> is not a valid SIRET.</exception>
    public static Siret Parse(string text) =>
        TryParse(text, out var siret)
            ? siret
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{text}' is not a valid SIRET: expected 14 digits (SIREN + establishment number) with a valid check digit.", nameof(text));

    /// <summary>Validates a SIRET without throwing.</summary>
    /// <param name="text">Fourteen digits, spaces allowed.</param>
    /// <param name="siret">The SIRET when valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid SIRET.</returns>
    public static bool TryParse(string? text, out Siret siret)
    {
        siret = default;
        var digits = FrenchIdentifiers.Digits(text, 14);
        if (digits is null)
        {
            return false;
        }

        var valid = digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits != LaPosteHeadOffice
            ? digits.Sum(d => d - '0') % 5 == 0
            : FrenchIdentifiers.PassesLuhn(digits) && Siren.TryParse(digits[..9], out _);
        if (!valid)
        {
            return false;
        }

        siret = new Siret(digits);
        return true;
    }

    /// <summary>The fourteen digits.</summary>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>
/// A French intra-EU VAT number: <c>FR</c>, a two-digit key and the company's SIREN, where the key is
/// <c>(12 + 3 × (SIREN mod 97)) mod 97</c>. Spaces are ignored and letters upper-cased when parsing.
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<FrenchVatNumber>))]
public readonly record struct FrenchVatNumber : ITextValue<FrenchVatNumber>
{
    private FrenchVatNumber(string value) => Value = value;

    /// <summary>The number, <c>FR</c> then eleven digits.</summary>
    public string Value { get; }

    /// <summary>The company's SIREN: the last nine digits.</summary>
    public Siren Siren => Siren.Parse(Value[4..]);

    /// <summary>The VAT number of the company with <paramref name="siren"/>.</summary>
    /// <param name="siren">The company's SIREN.</param>
    public static FrenchVatNumber For(Siren siren) => new($"FR{KeyOf(siren.Value):D2}{siren.Value}");

    /// <summary>Validates a French VAT number.</summary>
    /// <param name="text"><c>FR</c>, two key digits and a SIREN, spaces allowed.</param>
    /// <exception cref="InvalidInputException"><paramref name="text"/> is not a valid French VAT number.</exception>
    public static FrenchVatNumber Parse(string text) =>
        TryParse(text, out var number)
            ? number
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{text}' is not a valid French VAT number: expected FR, a 2-digit key and a valid SIREN whose key matches (e.g. FR40303265045).", nameof(text));

    /// <summary>Validates a French VAT number without throwing.</summary>
    /// <param name="text"><c>FR</c>, two key digits and a SIREN, spaces allowed.</param>
    /// <param name="number">The number when valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid French VAT number.</returns>
    public static bool TryParse(string? text, out FrenchVatNumber number)
    {
        number = default;
        var compact = text?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (compact is not { Length: 13 } || !compact.StartsWith("FR", StringComparison.Ordinal)
            || FrenchIdentifiers.Digits(compact[2..], 11) is null
            || !Siren.TryParse(compact[4..], out var siren)
            || int.Parse(compact[2..4], System.Globalization.CultureInfo.InvariantCulture) != KeyOf(siren.Value))
        {
            return false;
        }

        number = new FrenchVatNumber(compact);
        return true;
    }

    /// <summary>The number, <c>FR</c> then eleven digits.</summary>
    public override string ToString() => Value ?? string.Empty;

    private static int KeyOf(string siren) => (int)((12 + (3 * (long.Parse(siren, System.Globalization.CultureInfo.InvariantCulture) % 97))) % 97);
}

/// <summary>Checks shared by the French company identifiers.</summary>
internal static class FrenchIdentifiers
{
    /// <summary>The digits of <paramref name="text"/> without spaces when there are exactly <paramref name="length"/> of them and nothing else.</summary>
    public static string? Digits(string? text, int length)
    {
        var compact = text?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact is not null && compact.Length == length && compact.All(char.IsAsciiDigit) ? compact : null;
    }

    /// <summary>The Luhn check: doubling every second digit from the right, the digit sum is a multiple of ten.</summary>
    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
