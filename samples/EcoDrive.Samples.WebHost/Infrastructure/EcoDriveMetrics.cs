using System.Diagnostics.Metrics;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// The host's metrics on the <c>EcoDrive</c> meter, ready for any OpenTelemetry exporter: orders submitted, order
/// status changes applied by the CRM, and the dispatcher's lag (time from a change to its delivery).
/// </summary>
internal sealed class EcoDriveMetrics : IDeliveredMessageObserver
{
    public const string MeterName = "EcoDrive";

    private readonly Counter<long> _ordersSubmitted;
    private readonly Counter<long> _statusChanges;
    private readonly Histogram<double> _dispatcherLag;
    private readonly TimeProvider _clock;

    public EcoDriveMetrics(IMeterFactory meters, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _ordersSubmitted = meter.CreateCounter<long>("ecodrive.orders.submitted", description: "Orders recorded in the CRM.");
        _statusChanges = meter.CreateCounter<long>("ecodrive.orders.status_changes", description: "Order status changes applied by the CRM.");
        _dispatcherLag = meter.CreateHistogram<double>("ecodrive.dispatcher.lag", unit: "ms", description: "Time from a change to its delivery to the other side.");
        _clock = clock;
    }

    public void OrderSubmitted() => _ordersSubmitted.Add(1);

    public void OnDelivered(IntegrationMessage message)
    {
        _dispatcherLag.Record((_clock.GetUtcNow() - message.OccurredAt).TotalMilliseconds);
        if (message is OrderStatusChanged changed)
        {
            _statusChanges.Add(1, new KeyValuePair<string, object?>("status", changed.Change.Status.ToString()));
        }
    }
}
