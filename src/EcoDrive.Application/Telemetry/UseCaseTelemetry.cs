using System.Collections.Concurrent;
using System.Diagnostics;
using EcoDrive.Application.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoDrive.Application.Telemetry;

/// <summary>
/// What <see cref="UseCaseRunner"/> reports: a span per use case, conflicts and retries counted, refusals and retries
/// logged. The use case is named <c>Service.Operation</c> from the caller's file and member (a service lives in the file
/// of its name), so no service has to pass its name.
/// </summary>
internal static class UseCaseTelemetry
{
    private static readonly ConcurrentDictionary<(string File, string Member), string> s_names = new();

    /// <summary>The use case's span, or <see langword="null"/> when nobody listens.</summary>
    public static Activity? Start(string file, string member)
    {
        if (!EcoDriveInstruments.Source.HasListeners())
        {
            return null;
        }

        var name = NameOf(file, member);
        var activity = EcoDriveInstruments.Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag(EcoDriveTelemetry.UseCaseTag, name);
        return activity;
    }

    /// <summary>Records a conflict that will be retried.</summary>
    public static void Retrying(IServiceProvider services, Activity? activity, string file, string member, int attempt)
    {
        var name = NameOf(file, member);
        var tag = EcoDriveInstruments.Tag(EcoDriveTelemetry.UseCaseTag, name);
        EcoDriveInstruments.UnitOfWorkConflicts.Add(1, tag);
        EcoDriveInstruments.UseCaseRetries.Add(1, tag);
        activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["ecodrive.attempt"] = attempt }));
        LoggerOf(services)?.UseCaseRetried(name, attempt);
    }

    /// <summary>Records a use case that ends with <paramref name="error"/>; always <see langword="false"/>, for an exception filter that lets the error go on.</summary>
    public static bool Failed(IServiceProvider services, Activity? activity, string file, string member, int attempt, Exception error)
    {
        if (error is OperationCanceledException)
        {
            return false;
        }

        var name = NameOf(file, member);
        var code = EcoDriveInstruments.ErrorTypeOf(error);
        if (error is ConcurrencyConflictException)
        {
            EcoDriveInstruments.UnitOfWorkConflicts.Add(1, EcoDriveInstruments.Tag(EcoDriveTelemetry.UseCaseTag, name));
            LoggerOf(services)?.UseCaseConflictsExhausted(name, attempt);
        }
        else if (error is DomainException)
        {
            LoggerOf(services)?.UseCaseRefused(name, code);
        }

        activity?.SetTag(EcoDriveTelemetry.ErrorTypeTag, code);
        activity?.SetStatus(ActivityStatusCode.Error, code);
        return false;
    }

    /// <summary><c>BillingService.IssueInvoice</c> from <c>…/BillingService.cs</c> and <c>IssueInvoiceAsync</c>.</summary>
    public static string NameOf(string file, string member) =>
        s_names.GetOrAdd((file, member), static key =>
        {
            var type = Path.GetFileNameWithoutExtension(key.File.Replace('\\', '/').Split('/')[^1]);
            var operation = key.Member.EndsWith("Async", StringComparison.Ordinal) ? key.Member[..^"Async".Length] : key.Member;
            return string.IsNullOrEmpty(type) ? operation : $"{type}.{operation}";
        });

    private static ILogger? LoggerOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<UseCaseRunner>();
}
