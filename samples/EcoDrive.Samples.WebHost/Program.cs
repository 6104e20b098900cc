// EcoDrive's SDK behind an HTTP API: every use case as a minimal-API endpoint, API-key authentication, our
// permissions enforced by the application services, errors as ProblemDetails, health checks, metrics, server-sent
// order status, and the sales director's dashboard page.
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using EcoDrive.Integration;
using EcoDrive.Integration.Messaging;
using EcoDrive.Samples.WebHost.Endpoints;
using EcoDrive.Samples.WebHost.Infrastructure;
using EcoDrive.Samples.WebHost.Security;
using EcoDrive.Storage.InMemory;
using Microsoft.AspNetCore.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddEcoDrive().AddEcoDriveInMemoryStorage();
builder.Services.Configure<UserDirectoryOptions>(builder.Configuration.GetSection("EcoDrive"));
builder.Services.AddSingleton<UserDirectory>();
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    options.SerializerOptions.RespectRequiredConstructorParameters = true;
    options.SerializerOptions.RespectNullableAnnotations = true;
    options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DomainProblemDetails>();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiConventions>().AddSchemaTransformer<ValueTypeSchemas>());
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("storage")
    .AddCheck<DispatcherHealthCheck>("dispatcher");
builder.Services.AddMetrics();
builder.Services.AddSingleton<EcoDriveMetrics>();
builder.Services.AddSingleton<IDeliveredMessageObserver>(sp => sp.GetRequiredService<EcoDriveMetrics>());
builder.Services.AddHostedService<DispatcherService>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapCrm();
app.MapSalesActivity();
app.MapCampaigns();
app.MapErp();
app.MapPurchasing();
app.MapDirector();

app.Run();

/// <summary>The host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
