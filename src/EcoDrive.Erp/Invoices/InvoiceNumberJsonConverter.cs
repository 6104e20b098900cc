using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Erp.Invoices;

/// <summary>Writes an <see cref="InvoiceNumber"/> as printed (<c>"FA-2026-000123"</c>) and reads it back.</summary>
internal sealed class InvoiceNumberJsonConverter : JsonConverter<InvoiceNumber>
{
    /// <inheritdoc />
    public override InvoiceNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var parts = text?.Split('-');
        return parts is { Length: 3 }
            && parts[0].Length > 0 && parts[0].All(char.IsAsciiLetterUpper)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            ? new InvoiceNumber(parts[0], year, sequence)
            : throw new JsonException($"'{text}' is not an invoice number such as FA-2026-000123.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InvoiceNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
