using EcoDrive.Application.Messaging;

namespace EcoDrive.Storage.InMemory;

/// <summary>
/// The unit of work of one DI scope: an identity map of the aggregates read, the writes staged by repositories,
/// and the outbox messages and inbox marks to store with them. <see cref="CommitAsync"/> applies everything
/// atomically, or nothing when a row changed since it was read.
/// </summary>
internal sealed class InMemoryUnitOfWork(InMemoryDatabase database) : IUnitOfWork, IOutbox, IInbox, IDisposable
{
    private readonly Dictionary<(object Table, object Key), Tracked> _identityMap = [];
    private readonly Dictionary<(object Table, object Key), IPendingWrite> _writes = [];
    private readonly List<IntegrationMessage> _outbox = [];
    private readonly List<Guid> _delivered = [];
    private bool _claiming;
    private readonly List<Guid> _inbox = [];

    public TAggregate? Find<TKey, TSnapshot, TAggregate>(InMemoryTable<TKey, TSnapshot> table, TKey key, Func<TSnapshot, TAggregate> restore)
        where TKey : notnull
        where TAggregate : class
    {
        if (_identityMap.TryGetValue((table, key), out var tracked))
        {
            return (TAggregate)tracked.Aggregate;
        }

        long version;
        TSnapshot snapshot;
        lock (database.Gate)
        {
            if (!table.TryGet(key, out version, out snapshot))
            {
                return null;
            }
        }

        var aggregate = restore(snapshot);
        _identityMap[(table, key)] = new Tracked(aggregate, version);
        return aggregate;
    }

    public IReadOnlyList<TKey> KeysWhere<TKey, TSnapshot>(InMemoryTable<TKey, TSnapshot> table, Func<TSnapshot, bool> predicate)
        where TKey : notnull
    {
        lock (database.Gate)
        {
            return [.. table.Rows.Where(r => predicate(r.Snapshot)).Select(r => r.Key)];
        }
    }

    public void Add<TKey, TSnapshot>(InMemoryTable<TKey, TSnapshot> table, TKey key, object aggregate, Func<TSnapshot> snapshot)
        where TKey : notnull
    {
        _identityMap[(table, key)] = new Tracked(aggregate, 0);
        _writes[(table, key)] = new PendingWrite<TKey, TSnapshot>(table, key, 0, snapshot);
    }

    public void Update<TKey, TSnapshot>(InMemoryTable<TKey, TSnapshot> table, TKey key, object aggregate, Func<TSnapshot> snapshot)
        where TKey : notnull
    {
        if (!_identityMap.TryGetValue((table, key), out var tracked) || !ReferenceEquals(tracked.Aggregate, aggregate))
        {
            throw new InvalidOperationException($"The {table.Name} {key} was not read in this unit of work: read it from the repository before updating it.");
        }

        _writes[(table, key)] = new PendingWrite<TKey, TSnapshot>(table, key, tracked.Version, snapshot);
    }

    public void Enqueue(IntegrationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _outbox.Add(message);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        if (!_claiming)
        {
            await database.OutboxClaim.WaitAsync(cancellationToken).ConfigureAwait(false);
            _claiming = true;
        }

        lock (database.Gate)
        {
            return [.. database.Outbox.Where(e => e.ParkedAt is null && (e.NextAttemptAt is null || e.NextAttemptAt <= now) && !_delivered.Contains(e.Message.MessageId)).Take(maxCount)];
        }
    }

    public void MarkDelivered(Guid messageId) => _delivered.Add(messageId);

    public void Dispose() => ReleaseClaim();

    public Task<bool> HasProcessedAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult(database.Inbox.Contains(messageId) || _inbox.Contains(messageId));
        }
    }

    public void MarkProcessed(Guid messageId) => _inbox.Add(messageId);

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var writes = _writes.Values.Select(w => w.Prepare()).ToArray();
        lock (database.Gate)
        {
            foreach (var write in writes)
            {
                write.Check();
            }

            if (_inbox.FirstOrDefault(database.Inbox.Contains) is var handled && handled != Guid.Empty)
            {
                throw new ConcurrencyConflictException("inbox message", handled.ToString());
            }

            foreach (var write in writes)
            {
                write.Apply();
            }

            if (_delivered.Count > 0)
            {
                var delivered = _delivered.ToHashSet();
                database.Outbox.RemoveAll(e => delivered.Contains(e.Message.MessageId));
            }

            database.Outbox.AddRange(_outbox.Select(m => new OutboxEntry(m, 0, null, null)));
            database.Inbox.UnionWith(_inbox);
        }

        foreach (var (key, write) in _writes)
        {
            _identityMap[key] = _identityMap[key] with { Version = write.ExpectedVersion + 1 };
        }

        _writes.Clear();
        _outbox.Clear();
        _inbox.Clear();
        _delivered.Clear();
        ReleaseClaim();
        return Task.CompletedTask;
    }

    private void ReleaseClaim()
    {
        if (_claiming)
        {
            _claiming = false;
            database.OutboxClaim.Release();
        }
    }

    private sealed record Tracked(object Aggregate, long Version);

    private interface IPendingWrite
    {
        long ExpectedVersion { get; }

        IPreparedWrite Prepare();
    }

    private interface IPreparedWrite
    {
        void Check();

        void Apply();
    }

    private sealed class PendingWrite<TKey, TSnapshot>(InMemoryTable<TKey, TSnapshot> table, TKey key, long expectedVersion, Func<TSnapshot> snapshot)
        : IPendingWrite
        where TKey : notnull
    {
        public long ExpectedVersion => expectedVersion;

        public IPreparedWrite Prepare() => new Prepared(table, key, expectedVersion, snapshot());

        private sealed class Prepared(InMemoryTable<TKey, TSnapshot> table, TKey key, long expectedVersion, TSnapshot snapshot) : IPreparedWrite
        {
            public void Check()
            {
                if (table.VersionOf(key) != expectedVersion)
                {
                    throw new ConcurrencyConflictException(table.Name, key.ToString() ?? string.Empty);
                }
            }

            public void Apply() => table.Put(key, expectedVersion + 1, snapshot);
        }
    }
}
