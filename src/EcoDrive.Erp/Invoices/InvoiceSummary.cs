namespace EcoDrive.Erp.Invoices;

/// <summary>
/// What a reader needs of an invoice: its number, the seller and customer identities, dates and terms, VAT breakdown,
/// total, and how far it is settled.
/// </summary>
/// <param name="Id">Identity.</param>
/// <param name="Number">Legal number.</param>
/// <param name="OrderId">The order invoiced.</param>
/// <param name="Seller">The seller's identity (legal name, address, SIREN, VAT number).</param>
/// <param name="BillTo">Billing identity at issue, with the customer's VAT number when a company.</param>
/// <param name="IssueDate">Issue date.</param>
/// <param name="PaymentTerms">Payment terms.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="LatePayment">Late-payment penalty rate and fixed recovery fee.</param>
/// <param name="Lines">Invoiced lines.</param>
/// <param name="Vat">VAT breakdown per rate.</param>
/// <param name="Total">Total, VAT included.</param>
/// <param name="AmountPaid">Sum of the payments.</param>
/// <param name="AmountCredited">Sum of the credit notes.</param>
/// <param name="Balance">Total − paid − credited; negative when a refund is due.</param>
/// <param name="Settlement">Unpaid, partially paid or paid.</param>
public sealed record InvoiceSummary(
    InvoiceId Id,
    InvoiceNumber Number,
    OrderId OrderId,
    SellerIdentity Seller,
    BillingIdentity BillTo,
    DateOnly IssueDate,
    PaymentTerms PaymentTerms,
    DateOnly DueDate,
    LatePaymentTerms LatePayment,
    IReadOnlyList<InvoiceLine> Lines,
    VatBreakdown Vat,
    Money Total,
    Money AmountPaid,
    Money AmountCredited,
    Money Balance,
    InvoiceSettlement Settlement)
{
    /// <summary>Summarises an invoice.</summary>
    /// <param name="invoice">The invoice.</param>
    public static InvoiceSummary Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(
            invoice.Id, invoice.Number, invoice.OrderId, invoice.Seller, invoice.BillTo, invoice.IssueDate, invoice.PaymentTerms, invoice.DueDate,
            invoice.LatePayment, invoice.Lines, invoice.Vat, invoice.Total, invoice.AmountPaid, invoice.AmountCredited, invoice.Balance, invoice.Settlement);
    }
}

/// <summary>What a reader needs of a credit note: its number, the invoice it credits, identities, reason, lines, VAT and total.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Number">Legal number (<c>AV-2026-000001</c>).</param>
/// <param name="InvoiceId">The invoice credited.</param>
/// <param name="InvoiceNumber">That invoice's number.</param>
/// <param name="Seller">The seller's identity.</param>
/// <param name="BillTo">The customer's billing identity.</param>
/// <param name="IssueDate">Issue date.</param>
/// <param name="Reason">Why it was issued.</param>
/// <param name="Lines">What it credits.</param>
/// <param name="Vat">VAT breakdown per rate.</param>
/// <param name="Total">Total credited, VAT included.</param>
public sealed record CreditNoteSummary(
    InvoiceId Id,
    InvoiceNumber Number,
    InvoiceId InvoiceId,
    InvoiceNumber InvoiceNumber,
    SellerIdentity Seller,
    BillingIdentity BillTo,
    DateOnly IssueDate,
    string Reason,
    IReadOnlyList<CreditNoteLine> Lines,
    VatBreakdown Vat,
    Money Total)
{
    /// <summary>Summarises a credit note.</summary>
    /// <param name="creditNote">The credit note.</param>
    public static CreditNoteSummary Of(CreditNote creditNote)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        return new(
            creditNote.Id, creditNote.Number, creditNote.InvoiceId, creditNote.InvoiceNumber, creditNote.Seller, creditNote.BillTo,
            creditNote.IssueDate, creditNote.Reason, creditNote.Lines, creditNote.Vat, creditNote.Total);
    }
}
