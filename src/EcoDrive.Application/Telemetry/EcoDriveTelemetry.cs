namespace EcoDrive.Application.Telemetry;

/// <summary>
/// The names under which EcoDrive reports what it does: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="MeterName"/>/<see cref="ActivitySourceName"/>
/// (<c>EcoDrive</c>), and the instruments on the meter. Add them to your OpenTelemetry setup
/// (<c>.AddMeter(EcoDriveTelemetry.MeterName)</c>, <c>.AddSource(EcoDriveTelemetry.ActivitySourceName)</c>); without a
/// listener they cost next to nothing. No instrument, tag or span carries personal data: only ids, codes, statuses and
/// type names. Logs are written through <c>ILogger&lt;T&gt;</c> from DI, with the event ids listed in
/// <see cref="EcoDriveLogEvents"/>.
/// </summary>
public static class EcoDriveTelemetry
{
    /// <summary>The name of EcoDrive's meter: <c>EcoDrive</c>.</summary>
    public const string MeterName = "EcoDrive";

    /// <summary>The name of EcoDrive's activity source: <c>EcoDrive</c>.</summary>
    public const string ActivitySourceName = "EcoDrive";

    /// <summary>Counter: orders recorded in the CRM, counted once committed (directly or from an accepted offer).</summary>
    public const string OrdersSubmitted = "ecodrive.orders.submitted";

    /// <summary>Counter: order status changes applied by the CRM, tagged <see cref="StatusTag"/> with the new status.</summary>
    public const string OrderStatusChanges = "ecodrive.orders.status_changes";

    /// <summary>Histogram, milliseconds: time from the change a message reports (its <c>OccurredAt</c>) to its delivery's commit.</summary>
    public const string DispatcherLag = "ecodrive.dispatcher.lag";

    /// <summary>Counter: outbox messages delivered, tagged <see cref="MessageTypeTag"/>.</summary>
    public const string MessagesDelivered = "ecodrive.outbox.delivered";

    /// <summary>Counter: failed attempts to deliver an outbox message, tagged <see cref="MessageTypeTag"/> and <see cref="ErrorTypeTag"/>.</summary>
    public const string DeliveryFailures = "ecodrive.outbox.failed";

    /// <summary>Counter: outbox messages parked after their last allowed attempt, tagged <see cref="MessageTypeTag"/>.</summary>
    public const string MessagesParked = "ecodrive.outbox.parked";

    /// <summary>Histogram: messages claimed per dispatcher batch.</summary>
    public const string BatchSize = "ecodrive.outbox.batch_size";

    /// <summary>Counter: invoices issued.</summary>
    public const string InvoicesIssued = "ecodrive.invoices.issued";

    /// <summary>Counter: credit notes issued.</summary>
    public const string CreditNotesIssued = "ecodrive.credit_notes.issued";

    /// <summary>Counter: payments recorded on invoices.</summary>
    public const string PaymentsRecorded = "ecodrive.payments.recorded";

    /// <summary>Counter: units of work that lost a race (<c>ConcurrencyConflictException</c>), tagged <see cref="UseCaseTag"/>.</summary>
    public const string UnitOfWorkConflicts = "ecodrive.unit_of_work.conflicts";

    /// <summary>Counter: use cases run again from a fresh read after a conflict, tagged <see cref="UseCaseTag"/>.</summary>
    public const string UseCaseRetries = "ecodrive.use_case.retries";

    /// <summary>Tag and span attribute: the use case, as <c>Service.Operation</c> (<c>BillingService.IssueInvoice</c>); also the name of its span.</summary>
    public const string UseCaseTag = "ecodrive.use_case";

    /// <summary>Tag: an order status (<c>Confirmed</c>, <c>Shipped</c>…).</summary>
    public const string StatusTag = "status";

    /// <summary>Tag and span attribute: an integration message's type (<c>OrderSubmitted</c>, <c>OrderStatusChanged</c>).</summary>
    public const string MessageTypeTag = "ecodrive.message.type";

    /// <summary>Span attribute (OpenTelemetry messaging conventions): the outbox message's id.</summary>
    public const string MessageIdTag = "messaging.message.id";

    /// <summary>Tag and span attribute (OpenTelemetry conventions): what failed, a domain error code (<c>stock.insufficient</c>) or an exception type.</summary>
    public const string ErrorTypeTag = "error.type";
}
