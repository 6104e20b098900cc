using EcoDrive.Erp.Invoices;
using EcoDrive.Application.Import;

namespace EcoDrive.Storage.InMemory;

/// <summary>
/// Imported batches on the in-memory store: writes are staged and applied at commit under the database's lock, all or
/// nothing; reserved invoice numbers are checked there against the counter as read, like a unit of work's.
/// </summary>
internal sealed class InMemoryHistoryImportStore(InMemoryDatabase database) : IHistoryImportStore
{
    public Task<IHistoryImportTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IHistoryImportTransaction>(new Transaction(database));
    }

    private sealed class Transaction(InMemoryDatabase database) : IHistoryImportTransaction
    {
        private readonly Dictionary<(string Series, int Year), (long ReadVersion, long Last)> _counters = [];
        private readonly List<ImportedAggregates> _writes = [];

        public Task<InvoiceNumberBlock> ReserveInvoiceNumbersAsync(int year, int count, CancellationToken cancellationToken = default)
        {
            InvalidInputException.ThrowIfLessThan(year, 1);
            InvalidInputException.ThrowIfLessThan(count, 1);
            cancellationToken.ThrowIfCancellationRequested();
            var key = (InvoiceSeries.Invoice, year);
            lock (database.Gate)
            {
                if (!_counters.TryGetValue(key, out var counter))
                {
                    counter = database.InvoiceCounters.TryGet(key, out var version, out var last) ? (version, last) : (0, 0);
                }

                var first = counter.Last + 1;
                _counters[key] = (counter.ReadVersion, counter.Last + count);
                var previous = database.Invoices.Rows
                    .Select(r => r.Snapshot)
                    .FirstOrDefault(i => i.Number == new InvoiceNumber(InvoiceSeries.Invoice, year, first - 1));
                return Task.FromResult(new InvoiceNumberBlock(InvoiceSeries.Invoice, year, first, count, previous?.IssuedAt));
            }
        }

        public Task WriteAsync(ImportedAggregates aggregates, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(aggregates);
            cancellationToken.ThrowIfCancellationRequested();
            _writes.Add(aggregates);
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var customers = _writes.SelectMany(w => w.Customers).Select(c => (c.Id, c.ToSnapshot())).ToArray();
            var leads = _writes.SelectMany(w => w.Leads).Select(l => (l.Id, l.ToSnapshot())).ToArray();
            var views = _writes.SelectMany(w => w.OrderViews).Select(v => (v.Id, v.ToSnapshot())).ToArray();
            var orders = _writes.SelectMany(w => w.Orders).Select(o => (o.Id, o.ToSnapshot())).ToArray();
            var invoices = _writes.SelectMany(w => w.Invoices).Select(i => (i.Id, i.ToSnapshot())).ToArray();
            lock (database.Gate)
            {
                New(database.Customers, customers);
                New(database.Leads, leads);
                New(database.OrderViews, views);
                New(database.Orders, orders);
                New(database.Invoices, invoices);
                foreach (var (key, counter) in _counters)
                {
                    if (database.InvoiceCounters.VersionOf(key) != counter.ReadVersion)
                    {
                        throw new ConcurrencyConflictException("invoice counter", $"{key.Series}-{key.Year}");
                    }
                }

                Put(database.Customers, customers);
                Put(database.Leads, leads);
                Put(database.OrderViews, views);
                Put(database.Orders, orders);
                Put(database.Invoices, invoices);
                foreach (var (key, counter) in _counters)
                {
                    database.InvoiceCounters.Put(key, counter.ReadVersion + 1, counter.Last);
                }
            }

            _writes.Clear();
            _counters.Clear();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            _writes.Clear();
            _counters.Clear();
            return ValueTask.CompletedTask;
        }

        private static void New<TKey, TSnapshot>(InMemoryTable<TKey, TSnapshot> table, (TKey Key, TSnapshot Snapshot)[] rows)
            where TKey : notnull
        {
            var seen = new HashSet<TKey>();
            foreach (var (key, _) in rows)
            {
                if (!seen.Add(key) || table.VersionOf(key) != 0)
                {
                    throw new AlreadyStoredException(table.Name, key.ToString() ?? string.Empty);
                }
            }
        }

        private static void Put<TKey, TSnapshot>(InMemoryTable<TKey, TSnapshot> table, (TKey Key, TSnapshot Snapshot)[] rows)
            where TKey : notnull
        {
            foreach (var (key, snapshot) in rows)
            {
                table.Put(key, 1, snapshot);
            }
        }
    }
}
