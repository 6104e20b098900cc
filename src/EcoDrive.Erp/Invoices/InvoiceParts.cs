using EcoDrive.Core.Customers;

namespace EcoDrive.Erp.Invoices;

/// <summary>The customer's billing identity as it was when the invoice was issued; later changes to the customer do not alter it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Name">Name printed on the invoice.</param>
/// <param name="Address">Billing address.</param>
/// <param name="VatNumber">The customer's intra-EU VAT number, printed when the customer is a company that has one.</param>
public sealed record BillingIdentity(CustomerId CustomerId, string Name, PostalAddress Address, string? VatNumber = null);

/// <summary>One line of an invoice, frozen at issue.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Description">The product's name at issue.</param>
/// <param name="Segment">The product segment (revenue is reported by it).</param>
/// <param name="Quantity">Units invoiced.</param>
/// <param name="UnitPrice">Price of one unit, VAT excluded.</param>
/// <param name="VatRate">VAT rate.</param>
public sealed record InvoiceLine(ProductId ProductId, string Description, ProductSegment Segment, int Quantity, Money UnitPrice, VatRate VatRate)
{
    /// <summary>Net amount: quantity × unit price.</summary>
    public Money Net => UnitPrice * Quantity;
}

/// <summary>A payment received against an invoice.</summary>
/// <param name="Amount">Amount received.</param>
/// <param name="ReceivedAt">When.</param>
/// <param name="Reference">Bank or cheque reference, if any.</param>
public sealed record Payment(Money Amount, DateTimeOffset ReceivedAt, string? Reference);

/// <summary>When an invoice falls due: a number of days after its issue date, optionally moved to the end of that month.</summary>
public sealed record PaymentTerms
{
    /// <summary>Creates payment terms.</summary>
    /// <param name="days">Days after the issue date; zero means payable on receipt.</param>
    /// <param name="endOfMonth">Whether the due date then moves to the last day of its month ("45 jours fin de mois").</param>
    /// <exception cref="InvalidInputException"><paramref name="days"/> is negative.</exception>
    public PaymentTerms(int days, bool endOfMonth = false)
    {
        InvalidInputException.ThrowIfNegative(days);
        Days = days;
        EndOfMonth = endOfMonth;
    }

    /// <summary>30 days net, the default.</summary>
    public static PaymentTerms Net30 { get; } = new(30);

    /// <summary>Payable on receipt.</summary>
    public static PaymentTerms OnReceipt { get; } = new(0);

    /// <summary>Days after the issue date.</summary>
    public int Days { get; }

    /// <summary>Whether the due date moves to the end of its month.</summary>
    public bool EndOfMonth { get; }

    /// <summary>The due date of an invoice issued on <paramref name="issueDate"/>: the issue date plus <see cref="Days"/>, then the month's last day when <see cref="EndOfMonth"/>.</summary>
    /// <param name="issueDate">The issue date.</param>
    public DateOnly DueDate(DateOnly issueDate)
    {
        var due = issueDate.AddDays(Days);
        return EndOfMonth ? new DateOnly(due.Year, due.Month, DateTime.DaysInMonth(due.Year, due.Month)) : due;
    }

    /// <summary>The terms in words (<c>30 days net</c>, <c>45 days end of month</c>, <c>on receipt</c>).</summary>
    public override string ToString() => (Days, EndOfMonth) switch
    {
        (0, false) => "on receipt",
        (_, false) => $"{Days} days net",
        _ => $"{Days} days end of month",
    };
}

/// <summary>The late-payment mentions French law requires on an invoice: the penalty rate and the fixed recovery fee.</summary>
public sealed record LatePaymentTerms
{
    /// <summary>Creates the mentions.</summary>
    /// <param name="penaltyRate">Annual penalty rate in percent; zero or more.</param>
    /// <param name="fixedRecoveryFee">The fixed compensation for recovery costs (€40 in France).</param>
    /// <exception cref="InvalidInputException">A value is negative.</exception>
    public LatePaymentTerms(decimal penaltyRate, Money fixedRecoveryFee)
    {
        InvalidInputException.ThrowIfNegative(penaltyRate);
        Limits.RequireAmount(fixedRecoveryFee);
        PenaltyRate = penaltyRate;
        FixedRecoveryFee = fixedRecoveryFee;
    }

    /// <summary>Annual penalty rate in percent.</summary>
    public decimal PenaltyRate { get; }

    /// <summary>The fixed compensation for recovery costs.</summary>
    public Money FixedRecoveryFee { get; }
}

/// <summary>How far an invoice is settled.</summary>
public enum InvoiceSettlement
{
    /// <summary>Something is due and nothing was paid.</summary>
    Unpaid = 0,

    /// <summary>Something was paid and something is still due.</summary>
    PartiallyPaid = 1,

    /// <summary>Nothing remains due: paid, credited, or both.</summary>
    Paid = 2,
}

/// <summary>What to credit of one invoice line in a partial credit note.</summary>
/// <param name="InvoiceLine">The invoice line, numbered from 1 as printed.</param>
/// <param name="Quantity">Units credited (a returned vehicle), at least one.</param>
/// <param name="UnitPrice">Amount credited per unit, VAT excluded; the invoiced unit price when <see langword="null"/>, less for a price reduction.</param>
public sealed record CreditLine(int InvoiceLine, int Quantity, Money? UnitPrice = null);

/// <summary>One line of a credit note: what it credits of which invoice line.</summary>
/// <param name="InvoiceLine">The invoice line credited, numbered from 1.</param>
/// <param name="Line">The credited product, quantity, unit price and VAT rate; amounts are positive.</param>
public sealed record CreditNoteLine(int InvoiceLine, InvoiceLine Line);

/// <summary>A credit note issued against an invoice, as the invoice remembers it.</summary>
/// <param name="CreditNoteId">The credit note.</param>
/// <param name="Number">Its number (<c>AV-2026-000001</c>).</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="Lines">What it credits.</param>
/// <param name="Total">Its total, VAT included.</param>
public sealed record InvoiceCredit(InvoiceId CreditNoteId, InvoiceNumber Number, DateTimeOffset IssuedAt, IReadOnlyList<CreditNoteLine> Lines, Money Total);
