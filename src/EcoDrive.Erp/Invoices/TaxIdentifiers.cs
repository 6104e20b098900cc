using EcoDrive.Core.Customers;

namespace EcoDrive.Erp.Invoices;

/// <summary>Checks of the tax identifiers printed on invoices, on top of Core's French identifiers.</summary>
internal static class TaxIdentifiers
{
    /// <summary>A SIREN: nine digits whose Luhn checksum holds (<see cref="EcoDrive.Core.Customers.Siren"/>).</summary>
    public static string Siren(string value, string parameterName)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return Core.Customers.Siren.TryParse(value, out var siren)
            ? siren.Value
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{value}' is not a SIREN: nine digits with a valid check digit (e.g. '123 456 782').", parameterName);
    }

    /// <summary>
    /// An intra-EU VAT number without spaces, upper case: a two-letter country prefix and 2 to 13 letters or digits.
    /// A French number must be a valid <see cref="FrenchVatNumber"/> (its key matches its SIREN).
    /// </summary>
    public static string VatNumber(string value, string parameterName)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(value, parameterName);
        var number = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-')).ToUpperInvariant();
        var valid = number.Length is >= 4 and <= 15
            && number[..2].All(char.IsAsciiLetterUpper)
            && number[2..].All(char.IsAsciiLetterOrDigit)
            && (!number.StartsWith("FR", StringComparison.Ordinal) || FrenchVatNumber.TryParse(number, out _));
        return valid
            ? number
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{value}' is not an intra-EU VAT number: a country prefix and its digits (e.g. 'FR 11 123456782', whose key matches the SIREN).", parameterName);
    }

    /// <summary>The SIREN inside a French VAT number, or <see langword="null"/> for another country's.</summary>
    public static string? SirenOf(string vatNumber) => vatNumber.StartsWith("FR", StringComparison.Ordinal) ? vatNumber[4..] : null;
}
