namespace EcoDrive.Integration.Messaging;

/// <summary>Port: the outbox of the current unit of work. A message enqueued here is stored only if the unit of work commits.</summary>
public interface IOutbox
{
    /// <summary>Stages a message to be delivered after commit.</summary>
    /// <param name="message">The message.</param>
    void Enqueue(IntegrationMessage message);
}

/// <summary>A stored outbox message and its delivery attempts.</summary>
/// <param name="Message">The message.</param>
/// <param name="Attempts">Delivery attempts that failed so far.</param>
/// <param name="NextAttemptAt">Not before this time (back-off after a failure); <see langword="null"/> when due now.</param>
/// <param name="LastError">The last failure, if any.</param>
public sealed record OutboxEntry(IntegrationMessage Message, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>Port: the committed outbox, read by the <see cref="OutboxDispatcher"/>.</summary>
public interface IOutboxStore
{
    /// <summary>Undelivered messages that are due at <paramref name="now"/>, oldest first.</summary>
    /// <param name="now">The current time; entries backing off past it are left out.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>How many messages are not delivered yet, due or backing off.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a message delivered; it is never handed out again.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkDeliveredAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt; the message is due again at <paramref name="retryAt"/>.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="retryAt">When to try again.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default);
}

/// <summary>Port: the inbox of the current unit of work, which makes handlers idempotent.</summary>
public interface IInbox
{
    /// <summary>Whether the message was already handled (and its effects committed).</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<bool> HasProcessedAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>Stages the mark that the message is handled, committed with the handler's changes.</summary>
    /// <param name="messageId">The message.</param>
    void MarkProcessed(Guid messageId);
}
