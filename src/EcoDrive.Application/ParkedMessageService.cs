using EcoDrive.Core.Access;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Application;

/// <summary>
/// The messages between CRM and ERP that the dispatcher parked after they failed every allowed attempt
/// (<see cref="OutboxDispatcherOptions.MaxAttempts"/>): listed with their last error, then retried once the cause is
/// fixed, or discarded. Nothing is lost until someone discards it.
/// </summary>
public sealed class ParkedMessageService
{
    private readonly IOutboxStore _store;
    private readonly IAccessPolicy _access;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="store">The committed outbox.</param>
    /// <param name="access">Decides what the caller may do.</param>
    public ParkedMessageService(IOutboxStore store, IAccessPolicy access)
    {
        _store = store;
        _access = access;
    }

    /// <summary>The parked messages, oldest first.</summary>
    /// <param name="actor">Who; needs <c>outbox.manage</c>.</param>
    /// <param name="maxCount">At most this many; from 1 to 1,000.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>outbox.manage</c>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="maxCount"/> is out of its range.</exception>
    public Task<IReadOnlyList<OutboxEntry>> ListAsync(User actor, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OutboxManage);
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        InvalidInputException.ThrowIfGreaterThan(maxCount, 1_000);
        return _store.GetParkedAsync(maxCount, cancellationToken);
    }

    /// <summary>Makes a parked message due again now, its attempts counted from zero; the dispatcher delivers it next.</summary>
    /// <param name="actor">Who; needs <c>outbox.manage</c>.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>outbox.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No parked message has this id.</exception>
    public async Task RetryAsync(User actor, Guid messageId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OutboxManage);
        if (!await _store.RetryParkedAsync(messageId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException(ErrorCodes.ParkedMessage.NotFound, messageId.ToString());
        }
    }

    /// <summary>Deletes a parked message for good: its effects are never applied.</summary>
    /// <param name="actor">Who; needs <c>outbox.manage</c>.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>outbox.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No parked message has this id.</exception>
    public async Task DiscardAsync(User actor, Guid messageId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.OutboxManage);
        if (!await _store.DiscardParkedAsync(messageId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException(ErrorCodes.ParkedMessage.NotFound, messageId.ToString());
        }
    }
}
