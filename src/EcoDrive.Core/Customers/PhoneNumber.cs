using System.Text.Json.Serialization;
using PhoneNumbers;

namespace EcoDrive.Core.Customers;

/// <summary>
/// A validated telephone number in E.164 form (<c>+33612345678</c>). National numbers are read in a default
/// region (France unless told otherwise), so <c>06 12 34 56 78</c> is accepted as typed.
/// </summary>
/// <remarks>Serialises to JSON as the E.164 string.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<PhoneNumber>))]
public readonly record struct PhoneNumber : ITextValue<PhoneNumber>
{
    private static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string e164) => E164 = e164;

    /// <summary>The number in E.164 form.</summary>
    public string E164 { get; }

    /// <summary>Validates a number and normalises it to E.164.</summary>
    /// <param name="text">The number as typed, national or international.</param>
    /// <param name="defaultRegion">ISO 3166 region used for national numbers; France by default.</param>
    /// <exception cref="InvalidInputException"><paramref name="text"/> is not a valid phone number.</exception>
    public static PhoneNumber Parse(string text, string defaultRegion = "FR") =>
        TryParse(text, out var phone, defaultRegion)
            ? phone
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{text}' is not a valid phone number for region {defaultRegion} (e.g. '06 12 34 56 78' or '+33 6 12 34 56 78').", nameof(text));

    /// <summary>Validates a number and normalises it to E.164 without throwing.</summary>
    /// <param name="text">The number as typed.</param>
    /// <param name="phone">The normalised number when valid.</param>
    /// <param name="defaultRegion">ISO 3166 region used for national numbers; France by default.</param>
    /// <returns>Whether <paramref name="text"/> is a valid number.</returns>
    public static bool TryParse(string? text, out PhoneNumber phone, string defaultRegion = "FR")
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            var parsed = s_util.Parse(text, defaultRegion);
            if (!s_util.IsValidNumber(parsed))
            {
                return false;
            }

            phone = new PhoneNumber(s_util.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <inheritdoc cref="Parse(string, string)" />
    static PhoneNumber ITextValue<PhoneNumber>.Parse(string text) => Parse(text);

    /// <summary>The number in E.164 form.</summary>
    public override string ToString() => E164 ?? string.Empty;
}
