using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDrive.Application.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EcoDrive.Samples.WebHost.Tests;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task ExporterConsole_ExportsTheRequestAndTheUseCaseSpans_AndTheOrderMetric()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var host = new ExportingWebHost("console", spans, metrics);
        var product = await host.AddProductAsync(inStock: 1);
        var customer = await host.AddCustomerAsync();

        // The SDK's source is process-wide and other hosts run in parallel: this request starts a trace of its own.
        var trace = ActivityTraceId.CreateRandom();
        var salesperson = host.As("Salesperson");
        salesperson.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var created = await salesperson.PostAsJsonAsync("/orders", new { customerId = customer, lines = new[] { new { productId = product, quantity = 1 } } });
        var orderId = (await host.ReadAsync<JsonElement>(created)).GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(orderId, "Confirmed");

        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Activity[] exported = [.. spans]; // a copy: the background dispatcher may still be exporting

        var submit = Assert.Single(exported, s => s.TraceId == trace && s.DisplayName == "SalesOrderService.SubmitFromCatalogue");
        var request = Assert.Single(exported, s => s.SpanId == submit.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        var handover = Assert.Single(exported, s => s.DisplayName == "process OrderSubmitted" && s.Links.Any(l => l.Context.SpanId == submit.SpanId));
        Assert.IsType<string>(handover.GetTagItem(EcoDriveTelemetry.MessageIdTag));
        Assert.Contains(metrics, m => m.Name == EcoDriveTelemetry.OrdersSubmitted);
    }

    [Fact]
    public async Task ExporterNone_TheDefault_CollectsNothing()
    {
        await using var host = new WebHostFixture();
        _ = host.CreateClient();

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    /// <summary>The web host with an exporter configured, and an in-memory exporter beside it to see what is exported.</summary>
    private sealed class ExportingWebHost(string exporter, List<Activity> spans, List<Metric> metrics) : WebHostFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("EcoDrive:Telemetry:Exporter", exporter);
            builder.ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            });
        }
    }
}
