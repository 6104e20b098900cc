using System.Data.Common;
using System.Text.Json;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// The unit of work of one DI scope on a SQL engine: an identity map of the aggregates read, the writes staged by
/// repositories, and the outbox messages and inbox marks to store with them. <see cref="CommitAsync"/> writes them all
/// in one transaction; an aggregate updated since it was read (its version moved) or added twice refuses the whole
/// commit with a <see cref="ConcurrencyConflictException"/>, and nothing is written.
/// </summary>
/// <remarks>
/// Reads run outside any transaction until a write transaction is needed early: taking an invoice number opens it
/// (holding the counter row's lock until commit), and every later read of the scope runs inside it.
/// </remarks>
internal sealed class SqlUnitOfWork(SqlStorageEngine engine) : IUnitOfWork, IOutbox, IInbox, IAsyncDisposable, IDisposable
{
    private const string NextCounterSql =
        "INSERT INTO invoice_counters (series, year, last_sequence) VALUES (@series, @year, 1) " +
        "ON CONFLICT (series, year) DO UPDATE SET last_sequence = invoice_counters.last_sequence + 1 RETURNING last_sequence";

    private const string InsertInboxSql = "INSERT INTO inbox (message_id, processed_at) VALUES (@id, @at)";

    private const string DeleteOutboxSql = "DELETE FROM outbox WHERE message_id = @id";

    private const string InsertOutboxSql =
        "INSERT INTO outbox (message_id, type, payload) VALUES (@id, @type, @payload) ON CONFLICT (message_id) DO NOTHING";

    private readonly SqlSession _session = new(engine);
    private readonly Dictionary<(SqlTable Table, Guid Key), Tracked> _identityMap = [];
    private readonly Dictionary<(SqlTable Table, Guid Key), IPendingWrite> _writes = [];
    private readonly List<IntegrationMessage> _outbox = [];
    private readonly List<Guid> _inbox = [];
    private readonly List<Guid> _delivered = [];

    public async Task<TAggregate?> FindAsync<TKey, TSnapshot, TAggregate>(
        SqlTable<TKey, TSnapshot> table, TKey key, Func<TSnapshot, TAggregate> restore, CancellationToken cancellationToken)
        where TKey : struct, IEntityId<TKey>
        where TAggregate : class
    {
        if (_identityMap.TryGetValue((table, key.Value), out var tracked))
        {
            return (TAggregate)tracked.Aggregate;
        }

        var found = await WhereAsync(table, "id = @id", [("id", key.Value)], null, restore, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// The aggregates whose row matches <paramref name="condition"/> (SQL over the extracted columns, or null for all)
    /// and whose committed snapshot passes <paramref name="filter"/>; rows already read in this scope come back as the
    /// same instances.
    /// </summary>
    public async Task<IReadOnlyList<TAggregate>> WhereAsync<TKey, TSnapshot, TAggregate>(
        SqlTable<TKey, TSnapshot> table,
        string? condition,
        SqlParameters parameters,
        Func<TSnapshot, bool>? filter,
        Func<TSnapshot, TAggregate> restore,
        CancellationToken cancellationToken,
        string orderBy = "id")
        where TKey : struct, IEntityId<TKey>
        where TAggregate : class
    {
        var sql = $"{table.Select}{(condition is null ? string.Empty : " WHERE " + condition)} ORDER BY {orderBy}";
        var rows = await _session.QueryAsync(sql, parameters, r => (Id: r.Guid(0), Version: r.Int64(1), Doc: r.String(2)), cancellationToken)
            .ConfigureAwait(false);
        var aggregates = new List<TAggregate>(rows.Count);
        foreach (var (id, version, doc) in rows)
        {
            var snapshot = default(TSnapshot);
            if (filter is not null && !filter(snapshot = table.Deserialize(doc)))
            {
                continue;
            }

            if (_identityMap.TryGetValue((table, id), out var tracked))
            {
                aggregates.Add((TAggregate)tracked.Aggregate);
                continue;
            }

            var aggregate = restore(snapshot ?? table.Deserialize(doc));
            _identityMap[(table, id)] = new Tracked(aggregate, version);
            aggregates.Add(aggregate);
        }

        return aggregates;
    }

    public void Add<TKey, TSnapshot>(SqlTable<TKey, TSnapshot> table, TKey key, object aggregate, Func<TSnapshot> snapshot)
        where TKey : struct, IEntityId<TKey>
    {
        _identityMap[(table, key.Value)] = new Tracked(aggregate, 0);
        _writes[(table, key.Value)] = new PendingWrite<TKey, TSnapshot>(table, key, 0, snapshot);
    }

    public void Update<TKey, TSnapshot>(SqlTable<TKey, TSnapshot> table, TKey key, object aggregate, Func<TSnapshot> snapshot)
        where TKey : struct, IEntityId<TKey>
    {
        if (!_identityMap.TryGetValue((table, key.Value), out var tracked) || !ReferenceEquals(tracked.Aggregate, aggregate))
        {
            throw new InvalidOperationException($"The {table.Kind} {key} was not read in this unit of work: read it from the repository before updating it.");
        }

        _writes[(table, key.Value)] = new PendingWrite<TKey, TSnapshot>(table, key, tracked.Version, snapshot);
    }

    /// <summary>
    /// Takes the next number of a counter inside the write transaction, which it opens if needed: the counter row stays
    /// locked until the unit of work commits or rolls back, so concurrent issuers queue and numbers follow commit order.
    /// </summary>
    public async Task<long> NextInvoiceSequenceAsync(string series, int year, CancellationToken cancellationToken)
    {
        await _session.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var last = await _session.ScalarAsync(NextCounterSql, [("series", series), ("year", year)], cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Enqueue(IntegrationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _outbox.Add(message);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        await _session.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        return await _session.QueryAsync(
            SqlOutboxStore.SelectDue + engine.Dialect.ClaimRows, [("now", now), ("max", maxCount)], SqlOutboxStore.ReadEntry, cancellationToken)
            .ConfigureAwait(false);
    }

    public void MarkDelivered(Guid messageId) => _delivered.Add(messageId);

    public async Task<bool> HasProcessedAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        _inbox.Contains(messageId)
        || await _session.ScalarAsync("SELECT 1 FROM inbox WHERE message_id = @id", [("id", messageId)], cancellationToken).ConfigureAwait(false) is not null;

    public void MarkProcessed(Guid messageId) => _inbox.Add(messageId);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_writes.Count == 0 && _outbox.Count == 0 && _inbox.Count == 0 && _delivered.Count == 0 && !_session.InTransaction)
        {
            return;
        }

        // Snapshots are taken now, and rows are written in one order (table, then id) so that two units of work never
        // wait on each other's rows in opposite orders.
        var writes = _writes.OrderBy(w => w.Key.Table.Name, StringComparer.Ordinal).ThenBy(w => w.Key.Key).Select(w => w.Value.Prepare()).ToArray();
        string kind = "unit of work", id = string.Empty;
        try
        {
            await _session.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            foreach (var write in writes)
            {
                (kind, id) = (write.Kind, write.Id);
                if (!await write.ApplyAsync(_session, cancellationToken).ConfigureAwait(false))
                {
                    throw new ConcurrencyConflictException(write.Kind, write.Id);
                }
            }

            // The inbox marks, the delivered messages' removal and the new messages: no result to read, so they go to the
            // engine together (one round trip where the driver batches).
            var at = engine.Clock.GetUtcNow();
            var bookkeeping = new List<(string, SqlParameters)>(_inbox.Count + _delivered.Count + _outbox.Count);
            bookkeeping.AddRange(_inbox.Select(messageId => (InsertInboxSql, new SqlParameters { ("id", messageId), ("at", at) })));
            bookkeeping.AddRange(_delivered.Select(messageId => (DeleteOutboxSql, new SqlParameters { ("id", messageId) })));
            foreach (var message in _outbox)
            {
                var type = message.GetType();
                bookkeeping.Add((InsertOutboxSql, new SqlParameters
                {
                    ("id", message.MessageId), ("type", OutboxMessageType.NameOf(type)), ("payload", new SqlJson(JsonSerializer.Serialize(message, type, EcoDriveJson.Options))),
                }));
            }

            (kind, id) = ("inbox message", _inbox.FirstOrDefault().ToString()); // the one that can conflict: handled twice
            await _session.ExecuteAllAsync(bookkeeping, cancellationToken).ConfigureAwait(false);
            await _session.CommitAsync().ConfigureAwait(false);
        }
        catch (DbException error) when (engine.Dialect.IsLostRace(error))
        {
            await _session.RollbackAsync().ConfigureAwait(false);
            throw new ConcurrencyConflictException(kind, id);
        }
        catch
        {
            await _session.RollbackAsync().ConfigureAwait(false);
            throw;
        }

        foreach (var write in writes)
        {
            write.Committed(_identityMap);
        }

        _writes.Clear();
        _outbox.Clear();
        _inbox.Clear();
        _delivered.Clear();
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    public void Dispose() => _session.Dispose();

    private sealed record Tracked(object Aggregate, long Version);

    private interface IPendingWrite
    {
        IPreparedWrite Prepare();
    }

    private interface IPreparedWrite
    {
        string Kind { get; }

        string Id { get; }

        Task<bool> ApplyAsync(SqlSession session, CancellationToken cancellationToken);

        void Committed(Dictionary<(SqlTable Table, Guid Key), Tracked> identityMap);
    }

    private sealed class PendingWrite<TKey, TSnapshot>(SqlTable<TKey, TSnapshot> table, TKey key, long expectedVersion, Func<TSnapshot> snapshot)
        : IPendingWrite
        where TKey : struct, IEntityId<TKey>
    {
        public IPreparedWrite Prepare() => new Prepared(table, key, expectedVersion, snapshot());

        private sealed class Prepared(SqlTable<TKey, TSnapshot> table, TKey key, long expectedVersion, TSnapshot snapshot) : IPreparedWrite
        {
            public string Kind => table.Kind;

            public string Id => key.ToString() ?? string.Empty;

            public async Task<bool> ApplyAsync(SqlSession session, CancellationToken cancellationToken)
            {
                if (expectedVersion == 0)
                {
                    await table.InsertAsync(session, key, snapshot, cancellationToken).ConfigureAwait(false);
                    return true;
                }

                return await table.UpdateAsync(session, key, expectedVersion, snapshot, cancellationToken).ConfigureAwait(false);
            }

            public void Committed(Dictionary<(SqlTable Table, Guid Key), Tracked> identityMap)
            {
                var entry = (table, key.Value);
                identityMap[entry] = identityMap[entry] with { Version = expectedVersion + 1 };
            }
        }
    }
}
