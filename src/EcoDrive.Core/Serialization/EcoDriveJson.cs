using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>
/// The one JSON setup of EcoDrive: web defaults (camelCase names, case-insensitive reading), enums as camelCase
/// strings, and text left readable (<c>+33…</c>, <c>Hélène</c>) rather than escaped: this JSON is for APIs and files,
/// not for inlining into HTML. Money, currencies, ids, segments, e-mail addresses and phone numbers carry their own converters, so
/// they serialise the same way with any options.
/// </summary>
public static class EcoDriveJson
{
    /// <summary>Read-only options for compact JSON.</summary>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>Read-only options for indented JSON meant for people (exports).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(writeIndented: true);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // A type discriminator need not come first: stores such as PostgreSQL's jsonb reorder properties.
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
