namespace EcoDrive.Erp.Invoices;

/// <summary>Checks of French and EU tax identifiers, as printed on invoices.</summary>
internal static class TaxIdentifiers
{
    /// <summary>A SIREN: nine digits whose Luhn checksum holds.</summary>
    public static string Siren(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        var siren = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        if (siren.Length != 9 || !siren.All(char.IsAsciiDigit) || !PassesLuhn(siren))
        {
            throw new ArgumentException($"'{value}' is not a SIREN: nine digits with a valid check digit (e.g. '123 456 782').", parameterName);
        }

        return siren;
    }

    /// <summary>
    /// An intra-EU VAT number without spaces, upper case: a two-letter country prefix and 2 to 13 letters or digits.
    /// A French number is <c>FR</c>, a two-digit key and the SIREN, and its key must match.
    /// </summary>
    public static string VatNumber(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        var number = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-')).ToUpperInvariant();
        var valid = number.Length is >= 4 and <= 15
            && number[..2].All(char.IsAsciiLetterUpper)
            && number[2..].All(char.IsAsciiLetterOrDigit)
            && (!number.StartsWith("FR", StringComparison.Ordinal) || IsFrenchVatNumber(number));
        return valid
            ? number
            : throw new ArgumentException($"'{value}' is not an intra-EU VAT number: a country prefix and its digits (e.g. 'FR 11 123456782', whose key matches the SIREN).", parameterName);
    }

    /// <summary>The SIREN inside a French VAT number, or <see langword="null"/> for another country's.</summary>
    public static string? SirenOf(string vatNumber) => vatNumber.StartsWith("FR", StringComparison.Ordinal) ? vatNumber[4..] : null;

    private static bool IsFrenchVatNumber(string number) =>
        number.Length == 13
        && number[2..].All(char.IsAsciiDigit)
        && PassesLuhn(number[4..])
        && int.Parse(number[2..4], System.Globalization.CultureInfo.InvariantCulture) == (12 + (3 * (long.Parse(number[4..], System.Globalization.CultureInfo.InvariantCulture) % 97))) % 97;

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[^(i + 1)] - '0';
            sum += i % 2 == 1 ? (digit * 2) - (digit > 4 ? 9 : 0) : digit;
        }

        return sum % 10 == 0;
    }
}
