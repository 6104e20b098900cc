using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EcoDrive.Application.Telemetry;

/// <summary>
/// The one meter and the one activity source of the SDK, static (see docs/decisions.md): services are created by DI or
/// by hand, several containers may live in one process, and a listener tells them apart by its own means.
/// </summary>
internal static class EcoDriveInstruments
{
    public static readonly ActivitySource Source = new(EcoDriveTelemetry.ActivitySourceName, typeof(EcoDriveInstruments).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(EcoDriveTelemetry.MeterName, typeof(EcoDriveInstruments).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> OrdersSubmitted =
        Meter.CreateCounter<long>(EcoDriveTelemetry.OrdersSubmitted, "{order}", "Orders recorded in the CRM.");

    public static readonly Counter<long> OrderStatusChanges =
        Meter.CreateCounter<long>(EcoDriveTelemetry.OrderStatusChanges, "{change}", "Order status changes applied by the CRM.");

    public static readonly Histogram<double> DispatcherLag =
        Meter.CreateHistogram<double>(EcoDriveTelemetry.DispatcherLag, "ms", "Time from a change to its delivery to the other side.");

    public static readonly Counter<long> MessagesDelivered =
        Meter.CreateCounter<long>(EcoDriveTelemetry.MessagesDelivered, "{message}", "Outbox messages delivered.");

    public static readonly Counter<long> DeliveryFailures =
        Meter.CreateCounter<long>(EcoDriveTelemetry.DeliveryFailures, "{attempt}", "Failed attempts to deliver an outbox message.");

    public static readonly Counter<long> MessagesParked =
        Meter.CreateCounter<long>(EcoDriveTelemetry.MessagesParked, "{message}", "Outbox messages parked after their last allowed attempt.");

    public static readonly Histogram<int> BatchSize =
        Meter.CreateHistogram<int>(EcoDriveTelemetry.BatchSize, "{message}", "Messages claimed per batch.");

    public static readonly Counter<long> InvoicesIssued =
        Meter.CreateCounter<long>(EcoDriveTelemetry.InvoicesIssued, "{invoice}", "Invoices issued.");

    public static readonly Counter<long> CreditNotesIssued =
        Meter.CreateCounter<long>(EcoDriveTelemetry.CreditNotesIssued, "{credit_note}", "Credit notes issued.");

    public static readonly Counter<long> PaymentsRecorded =
        Meter.CreateCounter<long>(EcoDriveTelemetry.PaymentsRecorded, "{payment}", "Payments recorded on invoices.");

    public static readonly Counter<long> UnitOfWorkConflicts =
        Meter.CreateCounter<long>(EcoDriveTelemetry.UnitOfWorkConflicts, "{conflict}", "Units of work that lost a race to another one.");

    public static readonly Counter<long> UseCaseRetries =
        Meter.CreateCounter<long>(EcoDriveTelemetry.UseCaseRetries, "{retry}", "Use cases run again after a concurrency conflict.");

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    /// <summary>The low-cardinality name of what failed: a domain error's code, or the exception's type.</summary>
    public static string ErrorTypeOf(Exception error) =>
        error is DomainException domain ? domain.Code : error.GetType().FullName ?? error.GetType().Name;
}
