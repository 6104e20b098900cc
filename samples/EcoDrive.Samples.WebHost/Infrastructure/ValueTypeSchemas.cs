using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcoDrive.Core;
using EcoDrive.Erp.Invoices;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Describes the value types that serialise through their own JSON converters, which the generator cannot see
/// through (it would leave them as empty schemas that accept anything): <see cref="Money"/> as
/// <c>{"amount":"1234.50","currency":"EUR"}</c>, currencies as ISO 4217 codes, typed ids as UUID strings, invoice
/// numbers with their pattern, enums as their names, and text values (e-mail, phone, SIREN, product segment…) as strings.
/// </summary>
internal sealed class ValueTypeSchemas : IOpenApiSchemaTransformer
{
    /// <summary>An ISO 4217 code as the document states it (the host's JSON reading enforces it).</summary>
    internal const string CurrencyPattern = "^[A-Z]{3}$";

    /// <summary>A money amount as the document states it: a decimal string with a dot.</summary>
    internal const string AmountPattern = @"^-?\d+(\.\d+)?$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = type != declared ? JsonSchemaType.Null : 0;
        if (type == typeof(Money))
        {
            schema.Type = JsonSchemaType.Object | nullable;
            schema.Required = new HashSet<string> { "amount", "currency" };
            schema.Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["amount"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = AmountPattern, Description = "The amount as a decimal string with a dot (no float)." },
                ["currency"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = CurrencyPattern, Description = "ISO 4217 code." },
            };
            schema.Examples = [new JsonObject { ["amount"] = "42000.00", ["currency"] = "EUR" }];
        }
        else if (type.IsEnum)
        {
            // The host reads enums through its own strict converter (StrictJson), which the generator cannot see through.
            schema.Type = JsonSchemaType.String | nullable;
            schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name)), .. nullable == 0 ? Array.Empty<JsonNode>() : [null!]];
        }
        else if (type == typeof(Currency))
        {
            Text(schema, nullable, CurrencyPattern, format: null);
        }
        else if (type == typeof(InvoiceNumber))
        {
            Text(schema, nullable, @"^[A-Z]+-\d{4}-\d{6}$", format: null);
        }
        else if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityId<>)))
        {
            Text(schema, nullable, pattern: null, "uuid");
        }
        else if (type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is { IsGenericType: true } converter
            && converter.GetGenericTypeDefinition().Name.StartsWith("TextValueJsonConverter", StringComparison.Ordinal))
        {
            Text(schema, nullable, pattern: null, format: null);
        }

        return Task.CompletedTask;
    }

    private static void Text(OpenApiSchema schema, JsonSchemaType nullable, string? pattern, string? format)
    {
        schema.Type = JsonSchemaType.String | nullable;
        schema.Pattern = pattern;
        schema.Format = format;
    }
}
