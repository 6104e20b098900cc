using Microsoft.Extensions.Logging;

namespace EcoDrive.Application.Telemetry;

/// <summary>EcoDrive's log events, source-generated; their ids are in <see cref="EcoDriveLogEvents"/>. Ids and codes only: no personal data.</summary>
internal static partial class EcoDriveLog
{
    [LoggerMessage(EventId = EcoDriveLogEvents.MessageDeliveryFailed, EventName = nameof(EcoDriveLogEvents.MessageDeliveryFailed), Level = LogLevel.Warning,
        Message = "Delivery of outbox message {MessageId} ({MessageType}) failed at attempt {Attempt} with {ErrorType}: {Error}. It is retried at {RetryAt}.")]
    public static partial void MessageDeliveryFailed(this ILogger logger, Guid messageId, string messageType, int attempt, string errorType, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = EcoDriveLogEvents.MessageParked, EventName = nameof(EcoDriveLogEvents.MessageParked), Level = LogLevel.Error,
        Message = "Outbox message {MessageId} ({MessageType}) was parked after {Attempts} failed attempts, the last with {ErrorType}: {Error}. Retry or discard it once the cause is fixed.")]
    public static partial void MessageParked(this ILogger logger, Guid messageId, string messageType, int attempts, string errorType, string error);

    [LoggerMessage(EventId = EcoDriveLogEvents.BatchDelivered, EventName = nameof(EcoDriveLogEvents.BatchDelivered), Level = LogLevel.Debug,
        Message = "Outbox batch of {Claimed} messages delivered; {Applied} applied, the others had been applied before.")]
    public static partial void BatchDelivered(this ILogger logger, int claimed, int applied);

    [LoggerMessage(EventId = EcoDriveLogEvents.BatchReplayedOneByOne, EventName = nameof(EcoDriveLogEvents.BatchReplayedOneByOne), Level = LogLevel.Debug,
        Message = "Outbox batch of {Claimed} messages failed with {ErrorType}; its messages are delivered one by one.")]
    public static partial void BatchReplayedOneByOne(this ILogger logger, int claimed, string errorType);

    [LoggerMessage(EventId = EcoDriveLogEvents.DispatcherLoopFailed, EventName = nameof(EcoDriveLogEvents.DispatcherLoopFailed), Level = LogLevel.Error,
        Message = "The outbox dispatcher failed; it tries again in {PollInterval}.")]
    public static partial void DispatcherLoopFailed(this ILogger logger, Exception error, TimeSpan pollInterval);

    [LoggerMessage(EventId = EcoDriveLogEvents.UseCaseRefused, EventName = nameof(EcoDriveLogEvents.UseCaseRefused), Level = LogLevel.Debug,
        Message = "{UseCase} was refused: {ErrorCode}.")]
    public static partial void UseCaseRefused(this ILogger logger, string useCase, string errorCode);

    [LoggerMessage(EventId = EcoDriveLogEvents.UseCaseRetried, EventName = nameof(EcoDriveLogEvents.UseCaseRetried), Level = LogLevel.Debug,
        Message = "{UseCase} lost a race to another unit of work at attempt {Attempt}; it runs again from a fresh read.")]
    public static partial void UseCaseRetried(this ILogger logger, string useCase, int attempt);

    [LoggerMessage(EventId = EcoDriveLogEvents.UseCaseConflictsExhausted, EventName = nameof(EcoDriveLogEvents.UseCaseConflictsExhausted), Level = LogLevel.Warning,
        Message = "{UseCase} lost the race {Attempts} times and gives up.")]
    public static partial void UseCaseConflictsExhausted(this ILogger logger, string useCase, int attempts);

    [LoggerMessage(EventId = EcoDriveLogEvents.InvoiceIssued, EventName = nameof(EcoDriveLogEvents.InvoiceIssued), Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber} ({InvoiceId}) issued for order {OrderId}.")]
    public static partial void InvoiceIssued(this ILogger logger, string invoiceNumber, Guid invoiceId, Guid orderId);

    [LoggerMessage(EventId = EcoDriveLogEvents.CreditNoteIssued, EventName = nameof(EcoDriveLogEvents.CreditNoteIssued), Level = LogLevel.Information,
        Message = "Credit note {CreditNoteNumber} issued against invoice {InvoiceId}.")]
    public static partial void CreditNoteIssued(this ILogger logger, string creditNoteNumber, Guid invoiceId);

    [LoggerMessage(EventId = EcoDriveLogEvents.PaymentRecorded, EventName = nameof(EcoDriveLogEvents.PaymentRecorded), Level = LogLevel.Information,
        Message = "Payment recorded on invoice {InvoiceNumber} ({InvoiceId}).")]
    public static partial void PaymentRecorded(this ILogger logger, string invoiceNumber, Guid invoiceId);
}
