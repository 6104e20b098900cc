namespace EcoDrive.Erp.Invoices;

/// <summary>Port: issued invoices. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IInvoiceRepository
{
    /// <summary>Finds an invoice by id.</summary>
    /// <param name="id">The invoice's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invoice, or <see langword="null"/> when there is none.</returns>
    Task<Invoice?> FindAsync(InvoiceId id, CancellationToken cancellationToken = default);

    /// <summary>Lists invoices by number (issue order).</summary>
    /// <param name="settlement">Only those settled this far (unpaid, partially paid, paid); all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Invoice>> ListAsync(InvoiceSettlement? settlement = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the invoices that are overdue on <paramref name="asOf"/> (<see cref="Invoice.IsOverdue"/>), oldest due date first.</summary>
    /// <param name="asOf">The date to judge on, in the seller's calendar.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Invoice>> ListOverdueAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>Stages a newly issued invoice.</summary>
    /// <param name="invoice">The invoice.</param>
    void Add(Invoice invoice);

    /// <summary>Stages a payment or credit note recorded on an invoice read from this repository.</summary>
    /// <param name="invoice">The invoice.</param>
    void Update(Invoice invoice);
}

/// <summary>Port: issued credit notes. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface ICreditNoteRepository
{
    /// <summary>Finds a credit note by id.</summary>
    /// <param name="id">The credit note's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The credit note, or <see langword="null"/> when there is none.</returns>
    Task<CreditNote?> FindAsync(InvoiceId id, CancellationToken cancellationToken = default);

    /// <summary>Lists the credit notes of an invoice, by number.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CreditNote>> ListForInvoiceAsync(InvoiceId invoiceId, CancellationToken cancellationToken = default);

    /// <summary>Stages a newly issued credit note.</summary>
    /// <param name="creditNote">The credit note.</param>
    void Add(CreditNote creditNote);
}
