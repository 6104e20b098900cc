using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace EcoDrive.Core;

/// <summary>
/// A product segment that customers are interested in and revenue is reported by: the brief's SUVs, city cars and
/// utility vans are named values, and an application can add its own (<c>new ProductSegment("sports")</c>).
/// </summary>
/// <remarks>
/// Equality is by <see cref="Code"/>. <c>default(ProductSegment)</c> has no code and is not a valid segment.
/// Serialises to JSON as its code (<c>"city-car"</c>).
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<ProductSegment>))]
public readonly partial record struct ProductSegment : ITextValue<ProductSegment>
{
    /// <summary>Creates a segment from its code: lower-case letters, digits and dashes (<c>city-car</c>).</summary>
    /// <param name="code">The segment code.</param>
    /// <exception cref="InvalidInputException"><paramref name="code"/> is empty, longer than <see cref="Limits.MaxNameLength"/> or not lower-case kebab case.</exception>
    public ProductSegment(string code)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(code);
        if (code.Length > Limits.MaxNameLength || !CodePattern().IsMatch(code))
        {
            throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{code}' is not a valid product segment code: use lower-case letters, digits and dashes (e.g. 'city-car').", nameof(code));
        }

        Code = code;
    }

    /// <summary>Sport-utility vehicles (French: SUV).</summary>
    public static ProductSegment Suv { get; } = new("suv");

    /// <summary>City cars (French: citadines).</summary>
    public static ProductSegment CityCar { get; } = new("city-car");

    /// <summary>Utility vans (French: utilitaires).</summary>
    public static ProductSegment Utility { get; } = new("utility");

    /// <summary>The brief's three segments, in display order.</summary>
    public static IReadOnlyList<ProductSegment> Standard { get; } = [Suv, CityCar, Utility];

    /// <summary>The segment code.</summary>
    public string Code { get; }

    /// <summary>Reads a segment code.</summary>
    /// <param name="text">The code.</param>
    /// <exception cref="InvalidInputException">The code is not lower-case kebab case.</exception>
    public static ProductSegment Parse(string text) => new(text);

    /// <summary>The segment code.</summary>
    public override string ToString() => Code ?? string.Empty;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
