using EcoDrive.Erp.Invoices;

namespace EcoDrive.Application.Import;

/// <summary>
/// Port: writes history imported from a previous system in large batches, one transaction per batch, far faster than
/// one unit of work per aggregate. <see cref="Application.HistoryImportService"/> builds the aggregates through the
/// domain and calls it; implement it in a storage adapter and prove it with the contract kit's
/// <c>HistoryImportContract</c>.
/// </summary>
public interface IHistoryImportStore
{
    /// <summary>
    /// Opens the transaction of one batch (on SQLite, the database's write lock; on PostgreSQL, a transaction). Dispose
    /// it without <see cref="IHistoryImportTransaction.CommitAsync"/> and nothing of the batch is stored.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    /// <returns>The batch's transaction; dispose it.</returns>
    Task<IHistoryImportTransaction> BeginAsync(CancellationToken cancellationToken = default);
}

/// <summary>The transaction of one imported batch: invoice numbers reserved in it and rows written in it commit together or not at all.</summary>
public interface IHistoryImportTransaction : IAsyncDisposable
{
    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers of the invoice series (<see cref="InvoiceSeries.Invoice"/>)
    /// in <paramref name="year"/>, in one update of the same counter that <see cref="IInvoiceNumberSequence"/> uses,
    /// held until this transaction ends: the block follows the last number given, and a transaction that does not
    /// commit gives the block back.
    /// </summary>
    /// <param name="year">The numbering year.</param>
    /// <param name="count">How many numbers; at least one.</param>
    /// <param name="cancellationToken">Cancels the reservation.</param>
    /// <returns>The block, with the issue time of the invoice numbered just before it when that invoice is stored.</returns>
    /// <exception cref="InvalidInputException"><paramref name="year"/> or <paramref name="count"/> is less than 1.</exception>
    Task<InvoiceNumberBlock> ReserveInvoiceNumbersAsync(int year, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes aggregates as new rows (version 1), with the columns and child rows (invoice lines) that queries and KPIs
    /// read, exactly as the repositories would store them. Nothing is visible to others before <see cref="CommitAsync"/>.
    /// </summary>
    /// <param name="aggregates">What to write.</param>
    /// <param name="cancellationToken">Cancels the write; the transaction must then be disposed.</param>
    /// <exception cref="AlreadyStoredException">
    /// An aggregate's id is already stored, or given twice; the transaction is rolled back. A store that checks ids at
    /// commit (the in-memory one) throws it from <see cref="CommitAsync"/> instead.
    /// </exception>
    Task WriteAsync(ImportedAggregates aggregates, CancellationToken cancellationToken = default);

    /// <summary>Commits the batch: its rows and its reserved numbers become visible together.</summary>
    /// <param name="cancellationToken">Cancels before the commit starts.</param>
    /// <exception cref="AlreadyStoredException">An id is already stored (a store that checks at commit); nothing is written.</exception>
    /// <exception cref="ConcurrencyConflictException">The counter changed since the block was reserved (an optimistic store); nothing is written.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
