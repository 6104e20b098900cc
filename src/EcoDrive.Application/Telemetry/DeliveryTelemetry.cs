using System.Collections.Concurrent;
using System.Diagnostics;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Application.Telemetry;

/// <summary>
/// What the <see cref="OutboxDispatcher"/> reports of one message: its delivery span (OpenTelemetry messaging
/// conventions, <c>process OrderSubmitted</c>, linked to the trace that sent it) and, once committed, the lag and the
/// status change it carried.
/// </summary>
internal static class DeliveryTelemetry
{
    private static readonly ConcurrentDictionary<Type, string> s_spanNames = new();

    /// <summary>The span of one message's delivery, within the batch's span; <see langword="null"/> when nobody listens.</summary>
    public static Activity? Start(IntegrationMessage message, int attempt)
    {
        if (!EcoDriveInstruments.Source.HasListeners())
        {
            return null;
        }

        var type = message.GetType();
        ActivityLink[]? links = ActivityContext.TryParse(message.TraceParent, null, out var sender) ? [new ActivityLink(sender)] : null;
        var activity = EcoDriveInstruments.Source.StartActivity(
            s_spanNames.GetOrAdd(type, static t => $"process {t.Name}"), ActivityKind.Consumer, parentContext: default, tags: null, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "ecodrive");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.operation.name", "process");
            activity.SetTag("messaging.destination.name", type.Name);
            activity.SetTag(EcoDriveTelemetry.MessageIdTag, message.MessageId.ToString());
            activity.SetTag(EcoDriveTelemetry.MessageTypeTag, type.Name);
            activity.SetTag("ecodrive.delivery.attempt", attempt);
        }

        return activity;
    }

    /// <summary>
    /// Unmarks the current batch span for recording, so exporters skip it: the hosted dispatcher polls several times a
    /// second, and a trace per empty poll would drown the ones that matter.
    /// </summary>
    public static void DropEmptyBatch()
    {
        if (Activity.Current is { } batch && batch.Source == EcoDriveInstruments.Source)
        {
            batch.IsAllDataRequested = false;
            batch.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    /// <summary>Marks the span failed; always <see langword="false"/>, for an exception filter that lets the error go on.</summary>
    public static bool Failed(Activity? delivery, Exception error)
    {
        if (delivery is not null && error is not OperationCanceledException)
        {
            var errorType = EcoDriveInstruments.ErrorTypeOf(error);
            delivery.SetTag(EcoDriveTelemetry.ErrorTypeTag, errorType);
            delivery.SetStatus(ActivityStatusCode.Error, errorType);
        }

        return false;
    }

    /// <summary>Counts what a committed delivery tells: the lag from the change to now, and an order's new status.</summary>
    public static void Delivered(IntegrationMessage message, DateTimeOffset deliveredAt)
    {
        EcoDriveInstruments.DispatcherLag.Record((deliveredAt - message.OccurredAt).TotalMilliseconds,
            EcoDriveInstruments.Tag(EcoDriveTelemetry.MessageTypeTag, message.GetType().Name));
        if (message is OrderStatusChanged changed)
        {
            EcoDriveInstruments.OrderStatusChanges.Add(1, EcoDriveInstruments.Tag(EcoDriveTelemetry.StatusTag, changed.Change.Status.ToString()));
        }
    }
}
