using EcoDrive.Application.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Exports the SDK's telemetry (the <c>EcoDrive</c> meter and activity source) and ASP.NET Core's with OpenTelemetry,
/// as <c>EcoDrive:Telemetry</c> says: <c>Exporter</c> = <c>none</c> (the default: nothing is collected),
/// <c>console</c> (traces and metrics written to the console) or <c>otlp</c> (traces, metrics and logs sent to an
/// OpenTelemetry collector at <c>OtlpEndpoint</c>, or where the <c>OTEL_EXPORTER_OTLP_*</c> variables say).
/// <c>ServiceName</c> names the service in the backend.
/// </summary>
internal static class TelemetryExport
{
    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("EcoDrive:Telemetry");
        var exporter = (section["Exporter"] ?? "none").Trim().ToLowerInvariant();
        if (exporter == "none")
        {
            return services;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"EcoDrive:Telemetry:Exporter is '{section["Exporter"]}'; use none, console or otlp.");
        }

        var endpoint = section["OtlpEndpoint"] is { Length: > 0 } configured ? new Uri(configured, UriKind.Absolute) : null;
        void Otlp(OtlpExporterOptions options)
        {
            if (endpoint is not null)
            {
                options.Endpoint = endpoint;
            }
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(section["ServiceName"] ?? "EcoDrive.Samples.WebHost"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(EcoDriveTelemetry.ActivitySourceName).AddAspNetCoreInstrumentation();
                if (exporter == "otlp")
                {
                    tracing.AddOtlpExporter(Otlp);
                }
                else
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EcoDriveTelemetry.MeterName).AddAspNetCoreInstrumentation();
                if (exporter == "otlp")
                {
                    metrics.AddOtlpExporter(Otlp);
                }
                else
                {
                    metrics.AddConsoleExporter();
                }
            });
        if (exporter == "otlp")
        {
            // The console already shows the logs; a collector gets them with the traces they belong to.
            telemetry.WithLogging(logging => logging.AddOtlpExporter(Otlp));
        }

        return services;
    }
}
