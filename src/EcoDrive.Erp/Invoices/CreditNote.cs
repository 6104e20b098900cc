namespace EcoDrive.Erp.Invoices;

/// <summary>
/// A credit note (French: avoir): the only way to undo money once an order is invoiced. It references its invoice,
/// carries the same seller and customer identity, is numbered in its own series (<c>AV-2026-000001</c>) and is
/// immutable once issued. Its amounts are positive; revenue counts them negatively, by the credit note's issue date.
/// Issue it with <see cref="Invoice.IssueCreditNote"/>.
/// </summary>
public sealed class CreditNote : AggregateRoot
{
    private CreditNote(CreditNoteSnapshot snapshot)
    {
        Id = snapshot.Id;
        Number = snapshot.Number;
        InvoiceId = snapshot.InvoiceId;
        InvoiceNumber = snapshot.InvoiceNumber;
        OrderId = snapshot.OrderId;
        Seller = snapshot.Seller;
        BillTo = snapshot.BillTo;
        IssuedAt = snapshot.IssuedAt;
        IssueDate = snapshot.IssueDate;
        Reason = snapshot.Reason;
        Lines = snapshot.Lines;
        Vat = VatBreakdown.Compute(Lines.Select(l => (l.Line.Net, l.Line.VatRate)), Lines[0].Line.UnitPrice.Currency);
    }

    /// <summary>Identity of the credit note.</summary>
    public InvoiceId Id { get; }

    /// <summary>Its legal number (<c>AV-2026-000001</c>).</summary>
    public InvoiceNumber Number { get; }

    /// <summary>The invoice it credits.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>That invoice's number, printed on the credit note.</summary>
    public InvoiceNumber InvoiceNumber { get; }

    /// <summary>The order of that invoice.</summary>
    public OrderId OrderId { get; }

    /// <summary>Who issued it, as on the invoice.</summary>
    public SellerIdentity Seller { get; }

    /// <summary>The customer's billing identity, as on the invoice.</summary>
    public BillingIdentity BillTo { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The issue date printed on it.</summary>
    public DateOnly IssueDate { get; }

    /// <summary>Why it was issued.</summary>
    public string Reason { get; }

    /// <summary>What it credits, per invoice line.</summary>
    public IReadOnlyList<CreditNoteLine> Lines { get; }

    /// <summary>Its VAT breakdown per rate (EN 16931), computed on its own lines.</summary>
    public VatBreakdown Vat { get; }

    /// <summary>Its total, VAT included.</summary>
    public Money Total => Vat.TotalGross;

    /// <summary>Rebuilds a credit note from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static CreditNote FromSnapshot(CreditNoteSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot);
    }

    /// <summary>The credit note's whole state as an immutable value. For storage adapters.</summary>
    public CreditNoteSnapshot ToSnapshot() =>
        new(Id, Number, InvoiceId, InvoiceNumber, OrderId, Seller, BillTo, IssuedAt, IssueDate, Reason, Lines);

    internal static CreditNote Create(
        InvoiceId id, InvoiceNumber number, Invoice invoice, IReadOnlyList<CreditNoteLine> lines, string reason, DateTimeOffset issuedAt, DateOnly issueDate) =>
        new(new CreditNoteSnapshot(id, number, invoice.Id, invoice.Number, invoice.OrderId, invoice.Seller, invoice.BillTo, issuedAt, issueDate, reason, lines));
}

/// <summary>The stored state of a <see cref="CreditNote"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Number">Legal number.</param>
/// <param name="InvoiceId">The invoice credited.</param>
/// <param name="InvoiceNumber">That invoice's number.</param>
/// <param name="OrderId">The order of that invoice.</param>
/// <param name="Seller">The seller's identity.</param>
/// <param name="BillTo">The customer's billing identity.</param>
/// <param name="IssuedAt">Issue time.</param>
/// <param name="IssueDate">Issue date.</param>
/// <param name="Reason">Why.</param>
/// <param name="Lines">What it credits.</param>
public sealed record CreditNoteSnapshot(
    InvoiceId Id,
    InvoiceNumber Number,
    InvoiceId InvoiceId,
    InvoiceNumber InvoiceNumber,
    OrderId OrderId,
    SellerIdentity Seller,
    BillingIdentity BillTo,
    DateTimeOffset IssuedAt,
    DateOnly IssueDate,
    string Reason,
    IReadOnlyList<CreditNoteLine> Lines);
