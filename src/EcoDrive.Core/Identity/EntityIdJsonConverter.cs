using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>
/// Writes a typed id as its GUID string and reads it back, also as a dictionary key; an empty or malformed GUID
/// becomes a <see cref="JsonException"/> naming the id type. Put
/// <c>[JsonConverter(typeof(EntityIdJsonConverter&lt;MyId&gt;))]</c> on ids of your own.
/// </summary>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class EntityIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IEntityId<TId>
{
    /// <inheritdoc />
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc />
    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value.ToString());
    }

    private static TId Parse(string? text) =>
        EntityId.TryParse<TId>(text, out var id)
            ? id
            : throw new JsonException($"'{text}' is not a valid {typeof(TId).Name}: expected a non-empty GUID.");
}
