using EcoDrive.Application.Messaging;

namespace EcoDrive.Storage.InMemory;

internal sealed class InMemoryOutboxStore(InMemoryDatabase database) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        lock (database.Gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(
                [.. database.Outbox.Where(e => e.ParkedAt is null && (e.NextAttemptAt is null || e.NextAttemptAt <= now)).Take(maxCount)]);
        }
    }

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult(database.Outbox.Count(e => e.ParkedAt is null));
        }
    }

    public Task<int> CountParkedAsync(CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult(database.Outbox.Count(e => e.ParkedAt is not null));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> GetParkedAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        lock (database.Gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. database.Outbox.Where(e => e.ParkedAt is not null).Take(maxCount)]);
        }
    }

    public Task ParkAsync(Guid messageId, string error, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        Change(messageId, entry => entry with { Attempts = entry.Attempts + 1, NextAttemptAt = null, LastError = error, ParkedAt = at });
        return Task.CompletedTask;
    }

    public Task<bool> RetryParkedAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Change(messageId, entry => entry.ParkedAt is null ? null : entry with { Attempts = 0, NextAttemptAt = null, ParkedAt = null }));

    public Task<bool> DiscardParkedAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult(database.Outbox.RemoveAll(e => e.Message.MessageId == messageId && e.ParkedAt is not null) > 0);
        }
    }

    public Task MarkDeliveredAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            database.Outbox.RemoveAll(e => e.Message.MessageId == messageId);
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(Guid messageId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        Change(messageId, entry => entry with { Attempts = entry.Attempts + 1, NextAttemptAt = retryAt, LastError = error });
        return Task.CompletedTask;
    }

    /// <summary>Replaces the message's entry with what <paramref name="change"/> makes of it (null: leave it); whether it changed.</summary>
    private bool Change(Guid messageId, Func<OutboxEntry, OutboxEntry?> change)
    {
        lock (database.Gate)
        {
            var index = database.Outbox.FindIndex(e => e.Message.MessageId == messageId);
            if (index >= 0 && change(database.Outbox[index]) is { } changed)
            {
                database.Outbox[index] = changed;
                return true;
            }

            return false;
        }
    }
}
