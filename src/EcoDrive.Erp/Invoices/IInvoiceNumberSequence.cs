namespace EcoDrive.Erp.Invoices;

/// <summary>
/// Port: hands out invoice numbers per series and year. The number is taken inside the scope's
/// <see cref="IUnitOfWork"/>: it is used only if the invoice commits, so numbers stay continuous (no gap, no
/// duplicate) and in the order of issue, even under concurrent issue.
/// </summary>
public interface IInvoiceNumberSequence
{
    /// <summary>The next number of <paramref name="series"/> in <paramref name="year"/>.</summary>
    /// <param name="series">The series: <see cref="InvoiceSeries.Invoice"/> or <see cref="InvoiceSeries.CreditNote"/>, each numbered on its own.</param>
    /// <param name="year">The year of issue.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<InvoiceNumber> NextAsync(string series, int year, CancellationToken cancellationToken = default);
}
