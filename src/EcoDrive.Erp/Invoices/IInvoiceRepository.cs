namespace EcoDrive.Erp.Invoices;

/// <summary>Port: issued invoices. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IInvoiceRepository
{
    /// <summary>Finds an invoice by id.</summary>
    /// <param name="id">The invoice's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invoice, or <see langword="null"/> when there is none.</returns>
    Task<Invoice?> FindAsync(InvoiceId id, CancellationToken cancellationToken = default);

    /// <summary>Stages a newly issued invoice.</summary>
    /// <param name="invoice">The invoice.</param>
    void Add(Invoice invoice);

    /// <summary>Stages a payment recorded on an invoice read from this repository.</summary>
    /// <param name="invoice">The invoice.</param>
    void Update(Invoice invoice);
}
