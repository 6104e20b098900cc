using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>A value object written as one string and read back with its own validation.</summary>
/// <typeparam name="TSelf">The value type.</typeparam>
internal interface ITextValue<TSelf>
    where TSelf : ITextValue<TSelf>
{
    /// <summary>Parses and validates the text form.</summary>
    static abstract TSelf Parse(string text);
}

/// <summary>Writes a value object as its string form and reads it back through its own parser; invalid text becomes a <see cref="JsonException"/> naming it.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class TextValueJsonConverter<T> : JsonConverter<T>
    where T : ITextValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString()!);

    private static T Parse(string? text)
    {
        try
        {
            return T.Parse(text ?? string.Empty);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {error.Message}", error);
        }
    }
}
