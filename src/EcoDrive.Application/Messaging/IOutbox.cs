namespace EcoDrive.Application.Messaging;

/// <summary>Port: the outbox of the current unit of work. A message enqueued here is stored only if the unit of work commits.</summary>
public interface IOutbox
{
    /// <summary>Stages a message to be delivered after commit.</summary>
    /// <param name="message">The message.</param>
    void Enqueue(IntegrationMessage message);

    /// <summary>
    /// Claims for this unit of work up to <paramref name="maxCount"/> committed messages due at <paramref name="now"/>,
    /// oldest first, skipping parked ones and any that another unit of work holds. A claim opens the unit of work's write
    /// transaction and lasts until it commits or rolls back (a crash releases it), so several dispatchers, in one process
    /// or several, never hand out one message twice at the same time.
    /// </summary>
    /// <param name="now">The current time; messages backing off past it are left out.</param>
    /// <param name="maxCount">At most this many; positive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The claimed messages, oldest first; empty when none is due or all are held.</returns>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Stages the removal of a claimed message: it leaves the outbox, delivered, when this unit of work commits.</summary>
    /// <param name="messageId">The message.</param>
    void MarkDelivered(Guid messageId);
}

/// <summary>A stored outbox message and its delivery attempts.</summary>
/// <param name="Message">The message.</param>
/// <param name="Attempts">Delivery attempts that failed so far.</param>
/// <param name="NextAttemptAt">Not before this time (back-off after a failure); <see langword="null"/> when due now.</param>
/// <param name="LastError">The last failure, if any.</param>
/// <param name="ParkedAt">When the message was parked after its last allowed attempt; <see langword="null"/> while it is delivered normally.</param>
public sealed record OutboxEntry(IntegrationMessage Message, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, DateTimeOffset? ParkedAt = null);

/// <summary>Port: the committed outbox, read by the <see cref="OutboxDispatcher"/>.</summary>
public interface IOutboxStore
{
    /// <summary>Undelivered messages that are due at <paramref name="now"/>, oldest first; parked ones are not due.</summary>
    /// <param name="now">The current time; entries backing off past it are left out.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>How many messages are not delivered yet, due or backing off; parked ones are not counted.</summary>
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

    /// <summary>
    /// Parks a message that failed its last allowed attempt: it counts the attempt, keeps <paramref name="error"/>, and is
    /// no longer due until <see cref="RetryParkedAsync"/>; nothing is deleted.
    /// </summary>
    /// <param name="messageId">The message.</param>
    /// <param name="error">What went wrong the last time.</param>
    /// <param name="at">When it was parked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task ParkAsync(Guid messageId, string error, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Parked messages, oldest first.</summary>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<OutboxEntry>> GetParkedAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>How many messages are parked.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<int> CountParkedAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a parked message due again now, with its attempts counted from zero.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether a parked message with this id was found.</returns>
    Task<bool> RetryParkedAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a parked message for good: it is never delivered.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether a parked message with this id was found.</returns>
    Task<bool> DiscardParkedAsync(Guid messageId, CancellationToken cancellationToken = default);
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
