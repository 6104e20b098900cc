using System.Text.Json.Serialization;

namespace EcoDrive.Core.Customers;

/// <summary>
/// A validated e-mail address, normalised (trimmed, lower case) so that two spellings of the same address are
/// equal and duplicates can be found.
/// </summary>
/// <remarks>Serialises to JSON as the normalised address.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<EmailAddress>))]
public readonly record struct EmailAddress : ITextValue<EmailAddress>
{
    private EmailAddress(string value) => Value = value;

    /// <summary>The normalised address.</summary>
    public string Value { get; }

    /// <summary>Validates and normalises an address.</summary>
    /// <param name="text">The address as typed.</param>
    /// <exception cref="InvalidInputException"><paramref name="text"/> is not an e-mail address.</exception>
    public static EmailAddress Parse(string text) =>
        TryParse(text, out var email)
            ? email
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{text}' is not a valid e-mail address (expected name@domain.tld).", nameof(text));

    /// <summary>Validates and normalises an address without throwing.</summary>
    /// <param name="text">The address as typed.</param>
    /// <param name="email">The normalised address when valid.</param>
    /// <returns>Whether <paramref name="text"/> is an e-mail address.</returns>
    public static bool TryParse(string? text, out EmailAddress email)
    {
        email = default;
        var candidate = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 254 || candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = candidate.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != candidate.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        var domain = candidate[(at + 1)..];
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0 || l.StartsWith('-') || l.EndsWith('-')))
        {
            return false;
        }

        email = new EmailAddress(candidate);
        return true;
    }

    /// <summary>The normalised address.</summary>
    public override string ToString() => Value ?? string.Empty;
}
