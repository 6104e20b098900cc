namespace EcoDrive.Core.Customers;

/// <summary>A postal address, as printed on an invoice.</summary>
public sealed record PostalAddress
{
    /// <summary>Creates an address; every part but <paramref name="line2"/> is required.</summary>
    /// <param name="line1">Street and number.</param>
    /// <param name="postalCode">Postal code (<c>75011</c>).</param>
    /// <param name="city">City.</param>
    /// <param name="countryCode">ISO 3166 alpha-2 country code (<c>FR</c>).</param>
    /// <param name="line2">Optional second line (building, floor).</param>
    /// <exception cref="InvalidInputException">A required part is blank, a part is longer than <see cref="Limits.MaxNameLength"/> or holds a control character, or the country code is not two letters.</exception>
    public PostalAddress(string line1, string postalCode, string city, string countryCode = "FR", string? line2 = null)
    {
        line1 = FreeText.Require(line1);
        line2 = FreeText.Optional(line2);
        postalCode = FreeText.Require(postalCode);
        city = FreeText.Require(city);
        InvalidInputException.ThrowIfNullOrWhiteSpace(countryCode);
        if (countryCode.Trim().Length != 2 || !countryCode.Trim().All(char.IsAsciiLetter))
        {
            throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{countryCode}' is not an ISO 3166 alpha-2 country code (e.g. 'FR').", nameof(countryCode));
        }

        Line1 = line1;
        Line2 = line2;
        PostalCode = postalCode;
        City = city;
        CountryCode = countryCode.Trim().ToUpperInvariant();
    }

    /// <summary>Street and number.</summary>
    public string Line1 { get; }

    /// <summary>Second line, if any.</summary>
    public string? Line2 { get; }

    /// <summary>Postal code.</summary>
    public string PostalCode { get; }

    /// <summary>City.</summary>
    public string City { get; }

    /// <summary>ISO 3166 alpha-2 country code, upper case.</summary>
    public string CountryCode { get; }

    /// <summary>The address on one line.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, $"{PostalCode} {City}", CountryCode }.Where(p => p is not null));
}
