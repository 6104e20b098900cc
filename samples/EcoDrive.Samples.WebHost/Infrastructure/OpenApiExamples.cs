using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Examples in the OpenAPI document, written as C# objects and serialised with the host's own JSON options, so an
/// example reads exactly like a real request or answer (and redocly checks it against the schema).
/// </summary>
internal static class OpenApiExamples
{
    /// <summary>Shows <paramref name="example"/> as the operation's JSON request body.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = ToJson(example, context.ApplicationServices);
            }

            return Task.CompletedTask;
        });

    /// <summary>Shows <paramref name="example"/> as the operation's JSON answer with <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int status, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = ToJson(example, context.ApplicationServices);
            }

            return Task.CompletedTask;
        });

    private static System.Text.Json.Nodes.JsonNode? ToJson(object example, IServiceProvider services) =>
        JsonSerializer.SerializeToNode(example, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
}
