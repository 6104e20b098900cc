using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>
/// Writes <see cref="Money"/> as <c>{"amount":"1234.50","currency":"EUR"}</c>: the amount as an invariant string
/// with all the currency's decimals, so that no JSON reader turns it into a floating-point number. Reads the same
/// shape (property names in any case; the amount as a string or, leniently, as a JSON number).
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be a JSON object {\"amount\":\"1234.50\",\"currency\":\"EUR\"}.");
        }

        decimal? amount = null;
        string? code = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, "amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = reader.TokenType switch
                {
                    JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    JsonTokenType.Number => reader.GetDecimal(),
                    _ => throw new JsonException($"Money amount must be a decimal string such as \"1234.50\"."),
                };
            }
            else if (string.Equals(property, "currency", StringComparison.OrdinalIgnoreCase))
            {
                code = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        if (amount is null || code is null)
        {
            throw new JsonException("Money needs both \"amount\" and \"currency\".");
        }

        return Currency.TryFromCode(code, out var currency)
            ? new Money(amount.Value, currency)
            : throw new JsonException($"'{code}' is not an active ISO 4217 currency code.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("amount", value.InvariantAmount);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}

/// <summary>Writes a <see cref="Currency"/> as its ISO code (<c>"EUR"</c>) and reads it back.</summary>
internal sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    /// <inheritdoc />
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString();
        return Currency.TryFromCode(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not an active ISO 4217 currency code.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}
