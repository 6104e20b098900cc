using System.Data.Common;
using System.Globalization;
using EcoDrive.Erp.Invoices;
using EcoDrive.Integration.Import;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// Imported batches on a SQL engine: one write transaction per batch (SQLite <c>BEGIN IMMEDIATE</c>; PostgreSQL
/// READ COMMITTED, the counter row locked by its update), invoice numbers reserved by one counter update, and every
/// table written by <see cref="SqlBulkWriter"/>. Where the engine has a log to copy into the database
/// (<see cref="SqlDialect.BulkCheckpoint"/>, SQLite's WAL), each committed batch is copied on a connection of its own
/// while the next batch is written, instead of by the committing writer.
/// </summary>
internal sealed class SqlHistoryImportStore(SqlStorageEngine engine) : IHistoryImportStore, IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private Task _checkpoint = Task.CompletedTask;

    public async Task<IHistoryImportTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (engine.Dialect.BulkCheckpoint is not null && engine.Dialect.BulkLogIsLarge)
        {
            // Everything committed is copied once it finishes: the batch's first write then restarts the log.
            await CheckpointsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var session = engine.OpenSession();
        try
        {
            await session.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            if (session.Dialect.BulkStart is { } start)
            {
                await session.ExecuteAsync(start, SqlParameters.None, cancellationToken).ConfigureAwait(false);
            }

            return new Transaction(this, session);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for the checkpoints under way: the log is copied when the application stops.</summary>
    public async ValueTask DisposeAsync() => await CheckpointsAsync().ConfigureAwait(false);

    public void Dispose() => CheckpointsAsync().GetAwaiter().GetResult();

    /// <summary>Queues a checkpoint of what is committed now, after those already queued.</summary>
    private void StartCheckpoint(string checkpoint)
    {
        lock (_gate)
        {
            _checkpoint = _checkpoint.ContinueWith(_ => CheckpointAsync(checkpoint), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private Task CheckpointsAsync()
    {
        lock (_gate)
        {
            return _checkpoint;
        }
    }

    private async Task CheckpointAsync(string checkpoint)
    {
        try
        {
            var session = engine.OpenSession(checkSchema: false);
            await using (session.ConfigureAwait(false))
            {
                await session.ExecuteAsync(checkpoint, SqlParameters.None, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DbException)
        {
            // Nothing is lost: what this checkpoint could not copy stays in the log for the next one, or for the
            // automatic checkpoint of the next ordinary commit.
        }
    }

    private sealed class Transaction(SqlHistoryImportStore store, SqlSession session) : IHistoryImportTransaction
    {
        private const string ReserveSql =
            "INSERT INTO invoice_counters (series, year, last_sequence) VALUES (@series, @year, @count) " +
            "ON CONFLICT (series, year) DO UPDATE SET last_sequence = invoice_counters.last_sequence + @count RETURNING last_sequence";

        private const string IssuedAtSql = "SELECT issued_at FROM invoices WHERE series = @series AND year = @year AND sequence = @sequence";

        public async Task<InvoiceNumberBlock> ReserveInvoiceNumbersAsync(int year, int count, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
            RequireOpen();
            SqlParameters parameters = [("series", InvoiceSeries.Invoice), ("year", year), ("count", count)];
            var last = Convert.ToInt64(await session.ScalarAsync(ReserveSql, parameters, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            var first = last - count + 1;
            var previous = await session.QueryAsync(
                IssuedAtSql, [("series", InvoiceSeries.Invoice), ("year", year), ("sequence", first - 1)], row => row.Instant(0), cancellationToken).ConfigureAwait(false);
            return new InvoiceNumberBlock(InvoiceSeries.Invoice, year, first, count, previous.Count == 0 ? null : previous[0]);
        }

        public async Task WriteAsync(ImportedAggregates aggregates, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(aggregates);
            RequireOpen();
            var customers = Rows(SqlTables.Customers, aggregates.Customers, c => c.Id, c => c.ToSnapshot());
            var leads = Rows(SqlTables.Leads, aggregates.Leads, l => l.Id, l => l.ToSnapshot());
            var views = Rows(SqlTables.OrderViews, aggregates.OrderViews, v => v.Id, v => v.ToSnapshot());
            var orders = Rows(SqlTables.Orders, aggregates.Orders, o => o.Id, o => o.ToSnapshot());
            var invoices = Rows(SqlTables.Invoices, aggregates.Invoices, i => i.Id, i => i.ToSnapshot());
            SqlBulkRows[] tables =
            [
                SqlTables.Customers.BulkRows(customers),
                SqlTables.Leads.BulkRows(leads),
                SqlTables.OrderViews.BulkRows(views),
                SqlTables.Orders.BulkRows(orders),
                SqlTables.Invoices.BulkRows(invoices),
                SqlTables.Invoices.BulkChildRows(invoices)!,
            ];
            try
            {
                await SqlBulkWriter.WriteAsync(session, tables, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                await session.RollbackAsync().ConfigureAwait(false);
                if (error is SqlBulkInsertException refused && await StoredAsync(refused).ConfigureAwait(false) is { } stored)
                {
                    throw new AlreadyStoredException(refused.Kind, stored.ToString());
                }

                throw;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RequireOpen();
            await session.CommitAsync().ConfigureAwait(false);

            if (session.Dialect.BulkCheckpoint is { } checkpoint)
            {
                store.StartCheckpoint(checkpoint);
            }

            // Queries right after an import (the dashboard's KPIs) plan with statistics that know the imported rows.
            if (session.Dialect.RefreshStatistics is { } refresh)
            {
                await session.ExecuteAsync(refresh, SqlParameters.None, CancellationToken.None).ConfigureAwait(false);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await session.RollbackAsync().ConfigureAwait(false);
            if (session.Dialect.BulkEnd is { } end)
            {
                try
                {
                    await session.ExecuteAsync(end, SqlParameters.None, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception error) when (error is DbException or InvalidOperationException)
                {
                    // A connection that cannot run it is broken or closed: the pool does not keep it.
                }
            }

            await session.DisposeAsync().ConfigureAwait(false);
        }

        private static (TKey Key, TSnapshot Snapshot)[] Rows<TKey, TSnapshot, TAggregate>(
            SqlTable<TKey, TSnapshot> table, IReadOnlyList<TAggregate> aggregates, Func<TAggregate, TKey> key, Func<TAggregate, TSnapshot> snapshot)
            where TKey : struct, IEntityId<TKey>
        {
            var seen = new HashSet<Guid>();
            var rows = new (TKey, TSnapshot)[aggregates.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                var id = key(aggregates[i]);
                if (!seen.Add(id.Value))
                {
                    throw new AlreadyStoredException(table.Kind, id.ToString() ?? string.Empty);
                }

                rows[i] = (id, snapshot(aggregates[i]));
            }

            return rows;
        }

        private void RequireOpen()
        {
            if (!session.InTransaction)
            {
                throw new InvalidOperationException("This import transaction has ended (committed, or rolled back after an error): begin another one.");
            }
        }

        /// <summary>After a refused insert: the first id of the failed statement that is already stored, read outside the rolled-back transaction.</summary>
        private async Task<Guid?> StoredAsync(SqlBulkInsertException refused)
        {
            foreach (var id in refused.FirstValues.OfType<Guid>())
            {
                var found = await session.ScalarAsync($"SELECT 1 FROM {refused.Table} WHERE {(refused.Table.EndsWith("_lines", StringComparison.Ordinal) ? "owner_id" : "id")} = @id", [("id", id)], CancellationToken.None)
                    .ConfigureAwait(false);
                if (found is not null)
                {
                    return id;
                }
            }

            return null;
        }
    }
}
