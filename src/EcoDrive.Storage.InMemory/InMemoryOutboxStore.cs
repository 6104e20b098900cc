using EcoDrive.Integration.Messaging;

namespace EcoDrive.Storage.InMemory;

internal sealed class InMemoryOutboxStore(InMemoryDatabase database) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        lock (database.Gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(
                [.. database.Outbox.Where(e => e.NextAttemptAt is null || e.NextAttemptAt <= now).Take(maxCount)]);
        }
    }

    public Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult(database.Outbox.Count);
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
        lock (database.Gate)
        {
            var index = database.Outbox.FindIndex(e => e.Message.MessageId == messageId);
            if (index >= 0)
            {
                var entry = database.Outbox[index];
                database.Outbox[index] = entry with { Attempts = entry.Attempts + 1, NextAttemptAt = retryAt, LastError = error };
            }
        }

        return Task.CompletedTask;
    }
}
