using EcoDrive.Core.Customers;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Invoices;

/// <summary>
/// An issued invoice. Issued only for a shipped order, with a snapshot of the customer's billing identity and of
/// the lines; its number, lines and amounts never change afterwards. Only payments are added, never more than is
/// due.
/// </summary>
public sealed class Invoice : AggregateRoot
{
    private readonly List<Payment> _payments;

    private Invoice(InvoiceSnapshot snapshot)
    {
        Id = snapshot.Id;
        Number = snapshot.Number;
        OrderId = snapshot.OrderId;
        BillTo = snapshot.BillTo;
        IssuedAt = snapshot.IssuedAt;
        IssueDate = snapshot.IssueDate;
        DueDate = snapshot.DueDate;
        Lines = snapshot.Lines;
        _payments = [.. snapshot.Payments];
        Vat = VatBreakdown.Compute(Lines.Select(l => (l.Net, l.VatRate)), Lines[0].UnitPrice.Currency);
    }

    /// <summary>Identity of the invoice.</summary>
    public InvoiceId Id { get; }

    /// <summary>The legal number (<c>FA-2026-000123</c>).</summary>
    public InvoiceNumber Number { get; }

    /// <summary>The order invoiced.</summary>
    public OrderId OrderId { get; }

    /// <summary>The customer's billing identity at issue.</summary>
    public BillingIdentity BillTo { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The issue date printed on the invoice.</summary>
    public DateOnly IssueDate { get; }

    /// <summary>The date payment is due.</summary>
    public DateOnly DueDate { get; }

    /// <summary>The invoiced lines.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; }

    /// <summary>The VAT breakdown per rate (EN 16931).</summary>
    public VatBreakdown Vat { get; }

    /// <summary>Total to pay, VAT included.</summary>
    public Money Total => Vat.TotalGross;

    /// <summary>Payments received, oldest first.</summary>
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>Sum of the payments received.</summary>
    public Money AmountPaid => Money.Sum(_payments.Select(p => p.Amount), Total.Currency);

    /// <summary>What remains due: <see cref="Total"/> − <see cref="AmountPaid"/>.</summary>
    public Money Balance => Total - AmountPaid;

    /// <summary>Whether nothing remains due.</summary>
    public bool IsPaid => Balance.IsZero;

    /// <summary>Issues the invoice of a shipped order.</summary>
    /// <param name="id">Identity of the invoice.</param>
    /// <param name="number">Its number, taken from <see cref="IInvoiceNumberSequence"/> in the same unit of work.</param>
    /// <param name="order">The order; must be <see cref="OrderStatus.Shipped"/>.</param>
    /// <param name="customer">The order's customer; must have what an invoice needs.</param>
    /// <param name="products">The products of the order's lines.</param>
    /// <param name="issuedAt">Issue time.</param>
    /// <param name="terms">Payment terms.</param>
    /// <exception cref="DomainException">
    /// <c>invoice.order-not-shipped</c> when the order has not shipped; <c>invoice.customer-incomplete</c> when the
    /// customer lacks a billing address.
    /// </exception>
    public static Invoice Issue(
        InvoiceId id, InvoiceNumber number, Order order, Customer customer, IReadOnlyDictionary<ProductId, Product> products,
        DateTimeOffset issuedAt, PaymentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(terms);
        if (order.Status != OrderStatus.Shipped)
        {
            throw new DomainException("invoice.order-not-shipped", $"Cannot invoice order {order.Id}: it is {order.Status}; an invoice is issued once the order has shipped.");
        }

        if (customer.Id != order.CustomerId)
        {
            throw new ArgumentException($"Customer {customer.Id} is not the customer of order {order.Id}.", nameof(customer));
        }

        if (customer.BillingAddress is not { } address)
        {
            throw new DomainException(
                "invoice.customer-incomplete",
                $"Cannot invoice {customer.DisplayName} ({customer.Id}): missing {string.Join(", ", customer.Completeness.MissingForInvoicing)}. Complete the customer record first.");
        }

        var lines = order.Lines.Select(l =>
        {
            var product = products.TryGetValue(l.ProductId, out var p) ? p : throw new EntityNotFoundException("product", l.ProductId.ToString());
            return new InvoiceLine(l.ProductId, product.Name, product.Segment, l.Quantity, l.UnitPrice, l.VatRate);
        }).ToArray();
        var issueDate = DateOnly.FromDateTime(issuedAt.UtcDateTime);
        return new Invoice(new InvoiceSnapshot(
            id, number, order.Id, new BillingIdentity(customer.Id, customer.DisplayName, address),
            issuedAt, issueDate, terms.DueDate(issueDate), lines, []));
    }

    /// <summary>Rebuilds an invoice from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Invoice FromSnapshot(InvoiceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Invoice(snapshot);
    }

    /// <summary>The invoice's whole state as an immutable value. For storage adapters.</summary>
    public InvoiceSnapshot ToSnapshot() => new(Id, Number, OrderId, BillTo, IssuedAt, IssueDate, DueDate, Lines, [.. _payments]);

    /// <summary>Records a payment, partial or full.</summary>
    /// <param name="amount">Amount received; positive, in the invoice's currency, at most <see cref="Balance"/>.</param>
    /// <param name="receivedAt">When.</param>
    /// <param name="reference">Bank or cheque reference, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="DomainException"><c>invoice.overpayment</c>: the amount exceeds the balance due.</exception>
    public void RecordPayment(Money amount, DateTimeOffset receivedAt, string? reference = null)
    {
        if (amount.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A payment must be a positive amount.");
        }

        if (amount > Balance)
        {
            throw new DomainException(
                "invoice.overpayment",
                $"Cannot record {amount} on invoice {Number}: only {Balance} is due. Record at most the balance, and refund the difference.");
        }

        _payments.Add(new Payment(amount, receivedAt, reference));
    }
}

/// <summary>The stored state of an <see cref="Invoice"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Number">Legal number.</param>
/// <param name="OrderId">The order invoiced.</param>
/// <param name="BillTo">Billing identity at issue.</param>
/// <param name="IssuedAt">Issue time.</param>
/// <param name="IssueDate">Issue date.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="Lines">Invoiced lines.</param>
/// <param name="Payments">Payments received.</param>
public sealed record InvoiceSnapshot(
    InvoiceId Id,
    InvoiceNumber Number,
    OrderId OrderId,
    BillingIdentity BillTo,
    DateTimeOffset IssuedAt,
    DateOnly IssueDate,
    DateOnly DueDate,
    IReadOnlyList<InvoiceLine> Lines,
    IReadOnlyList<Payment> Payments);
