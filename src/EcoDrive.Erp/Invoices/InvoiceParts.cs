using EcoDrive.Core.Customers;

namespace EcoDrive.Erp.Invoices;

/// <summary>The customer's billing identity as it was when the invoice was issued; later changes to the customer do not alter it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Name">Name printed on the invoice.</param>
/// <param name="Address">Billing address.</param>
public sealed record BillingIdentity(CustomerId CustomerId, string Name, PostalAddress Address);

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

/// <summary>When an invoice falls due: a number of days after its issue date.</summary>
/// <param name="Days">Days after the issue date; zero means payable on receipt.</param>
public sealed record PaymentTerms(int Days)
{
    /// <summary>30 days net, the default.</summary>
    public static PaymentTerms Net30 { get; } = new(30);

    /// <summary>The due date of an invoice issued on <paramref name="issueDate"/>.</summary>
    /// <param name="issueDate">The issue date.</param>
    public DateOnly DueDate(DateOnly issueDate) => issueDate.AddDays(Days);
}
