namespace EcoDrive.Application.Telemetry;

/// <summary>
/// The ids of the events EcoDrive logs, stable from one version to the next so that alerts and queries can rely on
/// them. Each event's fields are ids, codes, counts and type names, never a person's name or contact details.
/// </summary>
public static class EcoDriveLogEvents
{
    /// <summary>Warning: an attempt to deliver an outbox message failed; it is retried after a back-off. Fields: <c>MessageId</c>, <c>MessageType</c>, <c>Attempt</c>, <c>ErrorType</c>, <c>Error</c>, <c>RetryAt</c>.</summary>
    public const int MessageDeliveryFailed = 1001;

    /// <summary>Error: an outbox message failed its last allowed attempt and was parked. Fields: <c>MessageId</c>, <c>MessageType</c>, <c>Attempts</c>, <c>ErrorType</c>, <c>Error</c>.</summary>
    public const int MessageParked = 1002;

    /// <summary>Debug: a dispatcher batch was delivered and committed. Fields: <c>Claimed</c>, <c>Applied</c>.</summary>
    public const int BatchDelivered = 1003;

    /// <summary>Debug: a batch failed and is delivered again one message at a time. Fields: <c>Claimed</c>, <c>ErrorType</c>.</summary>
    public const int BatchReplayedOneByOne = 1004;

    /// <summary>Error: the hosted dispatcher's loop failed; it tries again at its next poll. Fields: <c>PollInterval</c>, the exception.</summary>
    public const int DispatcherLoopFailed = 1005;

    /// <summary>Debug: a use case was refused by a business rule. Fields: <c>UseCase</c>, <c>ErrorCode</c>.</summary>
    public const int UseCaseRefused = 2001;

    /// <summary>Debug: a use case lost a race to another unit of work and runs again from a fresh read. Fields: <c>UseCase</c>, <c>Attempt</c>.</summary>
    public const int UseCaseRetried = 2002;

    /// <summary>Warning: a use case lost every race it was allowed; the caller gets the conflict. Fields: <c>UseCase</c>, <c>Attempts</c>.</summary>
    public const int UseCaseConflictsExhausted = 2003;

    /// <summary>Information: an invoice was issued. Fields: <c>InvoiceNumber</c>, <c>InvoiceId</c>, <c>OrderId</c>.</summary>
    public const int InvoiceIssued = 3001;

    /// <summary>Information: a credit note was issued. Fields: <c>CreditNoteNumber</c>, <c>InvoiceId</c>.</summary>
    public const int CreditNoteIssued = 3002;

    /// <summary>Information: a payment was recorded on an invoice. Fields: <c>InvoiceId</c>, <c>InvoiceNumber</c>.</summary>
    public const int PaymentRecorded = 3003;
}
