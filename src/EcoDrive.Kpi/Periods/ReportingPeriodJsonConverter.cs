using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Kpi;

/// <summary>
/// Serialises a <see cref="ReportingPeriod"/> as what defines it:
/// <c>{"from":"2026-03-01","to":"2026-04-01","bucket":"day","timeZone":"Europe/Paris"}</c>. Reading rebuilds the period
/// (and its buckets) from the system's time-zone database.
/// </summary>
internal sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">A member is missing or invalid, or the time zone is unknown.</exception>
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A reporting period is a JSON object with from, to, bucket and timeZone.");
        }

        string? from = null, to = null, bucket = null, zone = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            switch (name?.ToUpperInvariant())
            {
                case "FROM": from = value; break;
                case "TO": to = value; break;
                case "BUCKET": bucket = value; break;
                case "TIMEZONE": zone = value; break;
                default: reader.Skip(); break;
            }
        }

        try
        {
            return new ReportingPeriod(
                DateOnly.ParseExact(from ?? throw new JsonException("A reporting period needs 'from'."), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(to ?? throw new JsonException("A reporting period needs 'to'."), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Enum.Parse<TimeBucket>(bucket ?? throw new JsonException("A reporting period needs 'bucket'."), ignoreCase: true),
                TimeZoneInfo.FindSystemTimeZoneById(zone ?? ReportingPeriod.DefaultTimeZoneId));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new JsonException($"Invalid reporting period: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("from", value.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("to", value.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("bucket", JsonNamingPolicy.CamelCase.ConvertName(value.Bucket.ToString()));
        writer.WriteString("timeZone", value.TimeZone.Id);
        writer.WriteEndObject();
    }
}
