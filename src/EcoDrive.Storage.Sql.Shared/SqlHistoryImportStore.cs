using System.Globalization;
using EcoDrive.Erp.Invoices;
using EcoDrive.Application.Import;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// Imported batches on a SQL engine: one write transaction per batch (SQLite <c>BEGIN IMMEDIATE</c>; PostgreSQL
/// READ COMMITTED, the counter row locked by its update), invoice numbers reserved by one counter update, and every
/// table written by <see cref="SqlBulkWriter"/> in prepared multi-row inserts.
/// </summary>
internal sealed class SqlHistoryImportStore(SqlStorageEngine engine) : IHistoryImportStore
{
    public async Task<IHistoryImportTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        var session = engine.OpenSession();
        try
        {
            await session.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            if (session.Dialect.BulkStart is { } start)
            {
                await session.ExecuteAsync(start, SqlParameters.None, cancellationToken).ConfigureAwait(false);
            }

            return new Transaction(session);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Transaction(SqlSession session) : IHistoryImportTransaction
    {
        private const string ReserveSql =
            "INSERT INTO invoice_counters (series, year, last_sequence) VALUES (@series, @year, @count) " +
            "ON CONFLICT (series, year) DO UPDATE SET last_sequence = invoice_counters.last_sequence + @count RETURNING last_sequence";

        private const string IssuedAtSql = "SELECT issued_at FROM invoices WHERE series = @series AND year = @year AND sequence = @sequence";

        public async Task<InvoiceNumberBlock> ReserveInvoiceNumbersAsync(int year, int count, CancellationToken cancellationToken = default)
        {
            InvalidInputException.ThrowIfLessThan(year, 1);
            InvalidInputException.ThrowIfLessThan(count, 1);
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

            // Queries right after an import (the dashboard's KPIs) plan with statistics that know the imported rows.
            if (session.Dialect.RefreshStatistics is { } refresh)
            {
                await session.ExecuteAsync(refresh, SqlParameters.None, CancellationToken.None).ConfigureAwait(false);
            }
        }

        public ValueTask DisposeAsync() => session.DisposeAsync();

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
