namespace EcoDrive.Erp.Invoices;

/// <summary>What a reader needs of an invoice: its number, customer, dates, VAT breakdown, total and what remains due.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Number">Legal number.</param>
/// <param name="OrderId">The order invoiced.</param>
/// <param name="BillTo">Billing identity at issue.</param>
/// <param name="IssueDate">Issue date.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="Lines">Invoiced lines.</param>
/// <param name="Vat">VAT breakdown per rate.</param>
/// <param name="Total">Total, VAT included.</param>
/// <param name="AmountPaid">Sum of the payments.</param>
/// <param name="Balance">What remains due.</param>
public sealed record InvoiceSummary(
    InvoiceId Id,
    InvoiceNumber Number,
    OrderId OrderId,
    BillingIdentity BillTo,
    DateOnly IssueDate,
    DateOnly DueDate,
    IReadOnlyList<InvoiceLine> Lines,
    VatBreakdown Vat,
    Money Total,
    Money AmountPaid,
    Money Balance)
{
    /// <summary>Summarises an invoice.</summary>
    /// <param name="invoice">The invoice.</param>
    public static InvoiceSummary Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(
            invoice.Id, invoice.Number, invoice.OrderId, invoice.BillTo, invoice.IssueDate, invoice.DueDate, invoice.Lines,
            invoice.Vat, invoice.Total, invoice.AmountPaid, invoice.Balance);
    }
}
