using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using EcoDrive.Core;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Holds request bodies to what the served OpenAPI document promises, where System.Text.Json alone is more lenient:
/// a JSON array never holds <c>null</c> (nullable annotations are not enforced on array elements), an enum is one
/// of its names, and money is exactly <c>{"amount":"1234.50","currency":"EUR"}</c>.
/// </summary>
internal static partial class StrictJson
{
    /// <summary>The key of <see cref="Exception.Data"/> naming the member, relative to the exception's path, that is wrong.</summary>
    public const string MemberKey = "member";

    /// <summary>
    /// A type-info modifier: the host's own request types refuse, once read, any array member that holds a null element.
    /// It works through <see cref="JsonTypeInfo.OnDeserialized"/> rather than a converter, so that the OpenAPI
    /// generator still sees the arrays' element schemas.
    /// </summary>
    public static void RefuseNullElements(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(StrictJson).Assembly)
        {
            return;
        }

        var lists = info.Properties
            .Where(p => p.Get is not null && p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
            .ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var next = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            foreach (var list in lists)
            {
                if (list.Get!(value) is IEnumerable items)
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            var member = $"{list.Name}[{index}]";
                            throw new JsonException($"{member} is null; an array holds no null element.") { Data = { [MemberKey] = member } };
                        }

                        index++;
                    }
                }
            }

            next?.Invoke(value);
        };
    }

    /// <summary>
    /// Reads an enum only by one of its names (in any case), as the document lists them: not as a number, a numeric
    /// string or a comma-separated combination, all of which <see cref="JsonStringEnumConverter"/> accepts. Writes names.
    /// </summary>
    internal sealed class EnumNameConverter : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter _names = new(allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter?)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options));

        private sealed class Strict<T>(JsonConverter<T> names) : JsonConverter<T>
            where T : struct, Enum
        {
            private static readonly string[] s_names = Enum.GetNames<T>();

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && s_names.Contains(name, StringComparer.OrdinalIgnoreCase)
                    ? Enum.Parse<T>(name, ignoreCase: true)
                    : throw new JsonException($"Give one of {string.Join(", ", s_names)}.");

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);
        }
    }

    /// <summary>
    /// Reads <see cref="Money"/> only as the document describes it: the amount a decimal string with a dot (not a JSON
    /// number, which readers may turn into a float), the currency an upper-case ISO 4217 code, no other member.
    /// The SDK's own converter stays lenient for files and stores; both write the same form.
    /// </summary>
    internal sealed partial class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Money must be a JSON object {\"amount\":\"1234.50\",\"currency\":\"EUR\"}.");
            }

            string? amount = null;
            string? currency = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                var isAmount = string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase);
                if (!isAmount && !string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
                {
                    throw new JsonException($"Money has no member '{name}'; it is {{\"amount\":\"1234.50\",\"currency\":\"EUR\"}}.");
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new JsonException(isAmount
                        ? "A money amount is a decimal string such as \"1234.50\", not a JSON number."
                        : "A currency is a string such as \"EUR\".");
                }

                if (isAmount)
                {
                    amount = reader.GetString();
                }
                else
                {
                    currency = reader.GetString();
                }
            }

            if (amount is null || currency is null)
            {
                throw new JsonException("Money needs both \"amount\" and \"currency\".");
            }

            if (!AmountPattern().IsMatch(amount))
            {
                throw new JsonException($"'{amount}' is not a decimal amount such as \"1234.50\" (digits, an optional leading minus, a dot).");
            }

            if (currency.Length != 3 || !CurrencyPattern().IsMatch(currency))
            {
                throw new JsonException($"'{currency}' is not an ISO 4217 code: three upper-case letters such as \"EUR\".");
            }

            return decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && Currency.TryFromCode(currency, out var code)
                ? new Money(value, code)
                : throw new JsonException($"{amount} {currency} is not an amount of an active ISO 4217 currency.");
        }

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("amount", value.Currency.HasMinorUnit
                ? value.Amount.ToString("F" + value.Currency.MinorUnit.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                : value.Amount.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("currency", value.Currency.Code);
            writer.WriteEndObject();
        }

        [GeneratedRegex(ValueTypeSchemas.AmountPattern, RegexOptions.CultureInvariant)]
        private static partial Regex AmountPattern();

        [GeneratedRegex(ValueTypeSchemas.CurrencyPattern, RegexOptions.CultureInvariant)]
        private static partial Regex CurrencyPattern();
    }
}
