using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Completes the generated OpenAPI document: title, licence, the API-key security scheme required everywhere, tag
/// descriptions, an operation id for every operation, and the ProblemDetails answers every operation can give.
/// </summary>
internal sealed class OpenApiConventions : IOpenApiDocumentTransformer
{
    private const string SecurityScheme = "ApiKey";
    private const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<string, string> s_tags = new(StringComparer.Ordinal)
    {
        ["Customers"] = "The one customer record that sales and accounting share.",
        ["Leads"] = "Prospects and their pipeline: New → Contacted → Qualified → OfferSent → Won | Lost.",
        ["Sales activity"] = "Interactions with customers and leads, follow-ups (relances) and each salesperson's agenda.",
        ["Offers"] = "Personalised offers (quotes) with discounts and validity, turned into orders once accepted.",
        ["Campaigns"] = "Targeted campaigns: segments combined with and/or, consenting audiences, sending and results.",
        ["Orders"] = "Orders as the CRM records and follows them, with real-time status.",
        ["Catalogue and stock"] = "Products, stock on hand and reservations.",
        ["Purchasing"] = "Supplier purchase orders, proposed from the products under their reorder point.",
        ["Fulfilment"] = "The ERP's handling of an order: preparation, shipping, cancellation.",
        ["Invoices and payments"] = "Legally numbered invoices and the payments against them.",
        ["Dashboard"] = "The sales director's KPIs.",
        ["Access"] = "Why a user cannot see a customer's contact details.",
    };

    private static readonly (string Status, string Description)[] s_problems =
    [
        ("400", "The request is malformed or a field is invalid; `errors` names the fields."),
        ("401", "No valid API key was sent."),
        ("403", "The caller lacks the permission the operation needs; the detail names it."),
        ("404", "An id in the request names nothing."),
        ("409", "The current state forbids the operation (e.g. shipping an unconfirmed order)."),
        ("422", "A business rule refuses the operation (e.g. paying more than is due)."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "EcoDrive API";
        document.Info.Description = "CRM + ERP for an electric-vehicle dealer: customers, leads, follow-ups, offers, campaigns, orders CRM → ERP → CRM, stock, purchasing, invoices, payments and the sales director's KPIs. Authenticate with the X-Api-Key header.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        document.Servers = [new OpenApiServer { Url = "http://localhost:5080", Description = "The sample host run locally (dotnet run)" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "Each user's API key (see the README for the development keys of each role).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] }];

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, with EcoDrive's stable error `code`.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable machine-readable code, e.g. order.invalid-transition." },
                ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Invalid fields and what is wrong with each." },
            },
        };

        document.Tags = new HashSet<OpenApiTag>(s_tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.OperationId ??= OperationId(method.Method, path);
                operation.Responses ??= new OpenApiResponses();
                foreach (var (status, description) in s_problems)
                {
                    operation.Responses.TryAdd(status, new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                        },
                    });
                }
            }
        }

        return Task.CompletedTask;
    }

    private static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = segment.Trim('{', '}');
            foreach (var part in word.Split('-'))
            {
                id.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part[1..]);
            }
        }

        return id.ToString();
    }
}
