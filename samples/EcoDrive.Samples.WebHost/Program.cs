// EcoDrive's SDK behind an HTTP API: every use case as a minimal-API endpoint, API-key authentication, our
// permissions enforced by the application services, errors as ProblemDetails, health checks, metrics, server-sent
// order status, and the sales director's dashboard page.
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Application;
using EcoDrive.Application.Access;
using EcoDrive.Application.Messaging;
using EcoDrive.Samples.WebHost.Endpoints;
using EcoDrive.Samples.WebHost.Infrastructure;
using EcoDrive.Samples.WebHost.Security;
using EcoDrive.Storage.InMemory;
using EcoDrive.Storage.PostgreSql;
using EcoDrive.Storage.Sqlite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// Storage: SQLite by default (a file in the user's data folder), PostgreSQL or memory by configuration.
var storage = builder.Configuration.GetSection("EcoDrive:Storage");
switch (storage["Provider"] ?? "Sqlite")
{
    case "PostgreSql":
        builder.Services.AddEcoDrive().AddEcoDrivePostgreSqlStorage(options =>
        {
            options.ConnectionString = storage["ConnectionString"] ?? throw new InvalidOperationException("Set EcoDrive:Storage:ConnectionString to use PostgreSQL.");
            options.Schema = storage["Schema"] ?? options.Schema;
        });
        break;
    case "InMemory":
        builder.Services.AddEcoDrive().AddEcoDriveInMemoryStorage();
        break;
    default:
        var path = storage["DatabasePath"]
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "EcoDrive", "webhost.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.Services.AddEcoDrive().AddEcoDriveSqliteStorage(path);
        break;
}

// Campaign messages: the sample records them instead of sending them (register a real IMessageSender to send).
builder.Services.TryAddSingleton<InMemoryMessageSender>();
builder.Services.TryAddSingleton<IMessageSender>(sp => sp.GetRequiredService<InMemoryMessageSender>());
// Users and their keys: the development ones in appsettings.Development.json only; a bad list stops the host at start.
builder.Services.AddOptions<UserDirectoryOptions>().Bind(builder.Configuration.GetSection("EcoDrive")).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<UserDirectoryOptions>, UserDirectoryOptionsValidator>();
builder.Services.AddEcoDriveRateLimits(builder.Configuration);
builder.Services.AddSingleton<UserDirectory>();
builder.Services.AddSingleton<EcoDrive.Core.Access.IUserDirectory, ConfiguredUserDirectory>();
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new StrictJson.EnumNameConverter());
    options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    options.SerializerOptions.RespectRequiredConstructorParameters = true;
    options.SerializerOptions.RespectNullableAnnotations = true;
    options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // numbers as JSON numbers, as the schema says: "3" is not 3
    options.SerializerOptions.Converters.Add(new StrictJson.MoneyConverter());
    options.SerializerOptions.TypeInfoResolver = options.SerializerOptions.TypeInfoResolver?.WithAddedModifier(StrictJson.RefuseNullElements);
});
// Before AddProblemDetails: the first writer that can write is used, and this one always can (see its remarks).
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
builder.Services.AddProblemDetails();

// Bad input is an exception in every environment, so that its 400 names the field (the default does so in Development only).
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<DomainProblemDetails>();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiConventions>().AddSchemaTransformer<ValueTypeSchemas>());
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage")
    .AddCheck<DispatcherHealthCheck>("dispatcher");
// The SDK's metrics, spans and logs, with ASP.NET Core's, exported by OpenTelemetry as EcoDrive:Telemetry says (none by default).
builder.Services.AddTelemetryExport(builder.Configuration);
// The SDK's hosted dispatcher, woken by each commit; EcoDrive:Dispatcher sets batch size, parallelism, attempts.
builder.Services.Configure<OutboxDispatcherOptions>(builder.Configuration.GetSection("EcoDrive:Dispatcher"));
builder.Services.Configure<CampaignOptions>(builder.Configuration.GetSection("EcoDrive:Campaigns"));
builder.Services.Configure<PricingOptions>(builder.Configuration.GetSection("EcoDrive:Pricing"));
builder.Services.Configure<SalesActivityOptions>(builder.Configuration.GetSection("EcoDrive:SalesActivity"));
builder.Services.Configure<ReportingOptions>(builder.Configuration.GetSection("EcoDrive:Reporting"));
builder.Services.Configure<AccessDiagnosticsOptions>(builder.Configuration.GetSection("EcoDrive:AccessDiagnostics"));
builder.Services.AddEcoDriveDispatcher();

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);

var app = builder.Build();

if (app.Services.GetRequiredService<UserDirectory>().Users.Count == 0)
{
    app.Logger.LogWarning(
        "No users are configured (EcoDrive:Users): every request that needs one is answered 401. Configure the users and their keys for this environment; the development keys exist in Development only.");
}

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseEcoDriveRateLimits();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealthChecks("/health");
var api = app.MapGroup(string.Empty).AddEndpointFilterFactory(EnumQueryNames.Filter);
api.MapCrm();
api.MapSalesActivity();
api.MapCampaigns();
api.MapErp();
api.MapPurchasing();
api.MapDirector();
api.MapOutbox();

app.Run();

/// <summary>The host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
