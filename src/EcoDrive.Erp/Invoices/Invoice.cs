using EcoDrive.Core.Customers;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Invoices;

/// <summary>
/// An issued invoice. Issued only for a shipped order, with a snapshot of the customer's billing identity, of the
/// lines and of the mentions French law requires (seller identity, SIREN, VAT numbers, dates, due date, late-payment
/// penalty rate, €40 recovery fee). Its number, lines, amounts and mentions never change afterwards: only payments
/// and credit notes are recorded against it, and together they never exceed what is due.
/// </summary>
public sealed class Invoice : AggregateRoot
{
    private readonly List<Payment> _payments;
    private readonly List<InvoiceCredit> _credits;

    private Invoice(InvoiceSnapshot snapshot)
    {
        Id = snapshot.Id;
        Number = snapshot.Number;
        OrderId = snapshot.OrderId;
        Seller = snapshot.Seller;
        BillTo = snapshot.BillTo;
        IssuedAt = snapshot.IssuedAt;
        IssueDate = snapshot.IssueDate;
        PaymentTerms = snapshot.PaymentTerms;
        DueDate = snapshot.DueDate;
        LatePayment = snapshot.LatePayment;
        Lines = snapshot.Lines;
        _payments = [.. snapshot.Payments];
        _credits = [.. snapshot.Credits];
        Vat = VatBreakdown.Compute(Lines.Select(l => (l.Net, l.VatRate)), Currency);
    }

    /// <summary>Identity of the invoice.</summary>
    public InvoiceId Id { get; }

    /// <summary>The legal number (<c>FA-2026-000123</c>).</summary>
    public InvoiceNumber Number { get; }

    /// <summary>The order invoiced.</summary>
    public OrderId OrderId { get; }

    /// <summary>Who issued it: legal name, address, SIREN, VAT number.</summary>
    public SellerIdentity Seller { get; }

    /// <summary>The customer's billing identity at issue, with their VAT number when a company.</summary>
    public BillingIdentity BillTo { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The issue date printed on the invoice, in the seller's time zone.</summary>
    public DateOnly IssueDate { get; }

    /// <summary>The payment terms that gave <see cref="DueDate"/>.</summary>
    public PaymentTerms PaymentTerms { get; }

    /// <summary>The date payment is due.</summary>
    public DateOnly DueDate { get; }

    /// <summary>The late-payment penalty rate and fixed recovery fee printed on the invoice.</summary>
    public LatePaymentTerms LatePayment { get; }

    /// <summary>The invoiced lines.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; }

    /// <summary>The VAT breakdown per rate (EN 16931).</summary>
    public VatBreakdown Vat { get; }

    /// <summary>The invoice's currency.</summary>
    public Currency Currency => Lines[0].UnitPrice.Currency;

    /// <summary>Total to pay, VAT included.</summary>
    public Money Total => Vat.TotalGross;

    /// <summary>Payments received, oldest first.</summary>
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>Credit notes issued against it, oldest first.</summary>
    public IReadOnlyList<InvoiceCredit> Credits => _credits;

    /// <summary>Sum of the payments received.</summary>
    public Money AmountPaid => SumOf(_payments, static p => p.Amount);

    /// <summary>Sum of the credit notes' totals.</summary>
    public Money AmountCredited => SumOf(_credits, static c => c.Total);

    /// <summary>
    /// <see cref="Total"/> − <see cref="AmountPaid"/> − <see cref="AmountCredited"/>: what the customer still owes, or,
    /// when negative, what is owed back to them (a credit note issued after payment).
    /// </summary>
    public Money Balance => Total - AmountPaid - AmountCredited;

    /// <summary>What remains to pay: <see cref="Balance"/>, or zero when it is negative.</summary>
    public Money AmountDue => Balance.Amount > 0m ? Balance : Money.Zero(Currency);

    /// <summary>What must be refunded to the customer: −<see cref="Balance"/> when it is negative, otherwise zero.</summary>
    public Money RefundDue => Balance.Amount < 0m ? -Balance : Money.Zero(Currency);

    /// <summary>How far the invoice is settled.</summary>
    public InvoiceSettlement Settlement =>
        AmountDue.IsZero ? InvoiceSettlement.Paid : AmountPaid.IsZero ? InvoiceSettlement.Unpaid : InvoiceSettlement.PartiallyPaid;

    /// <summary>Whether nothing remains due.</summary>
    public bool IsPaid => Settlement == InvoiceSettlement.Paid;

    /// <summary>Issues the invoice of a shipped order, copying the seller's identity and the late-payment mentions from <paramref name="options"/>.</summary>
    /// <param name="id">Identity of the invoice.</param>
    /// <param name="number">Its number in the <see cref="InvoiceSeries.Invoice"/> series, taken from <see cref="IInvoiceNumberSequence"/> in the same unit of work.</param>
    /// <param name="order">The order; must be <see cref="OrderStatus.Shipped"/>.</param>
    /// <param name="customer">The order's customer; must have what an invoice needs.</param>
    /// <param name="products">The products of the order's lines.</param>
    /// <param name="options">Seller identity, late-payment penalty rate, time zone, default payment terms.</param>
    /// <param name="issuedAt">Issue time.</param>
    /// <param name="terms">Payment terms; <see cref="InvoicingOptions.PaymentTerms"/> when <see langword="null"/>.</param>
    /// <param name="customerVatNumber">
    /// The customer's intra-EU VAT number, for a company; by default the one on the customer's
    /// <see cref="Customer.Registration"/>.
    /// </param>
    /// <exception cref="InvalidInputException">The number is not an invoice number, the customer is not the order's, or a VAT number is given for a private person or is malformed.</exception>
    /// <exception cref="EntityNotFoundException">A line's product is missing from <paramref name="products"/>.</exception>
    /// <exception cref="DomainException">
    /// <c>invoice.order-not-shipped</c> when the order has not shipped; <c>invoice.customer-incomplete</c> when the
    /// customer lacks a billing address.
    /// </exception>
    public static Invoice Issue(
        InvoiceId id, InvoiceNumber number, Order order, Customer customer, IReadOnlyDictionary<ProductId, Product> products,
        InvoicingOptions options, DateTimeOffset issuedAt, PaymentTerms? terms = null, string? customerVatNumber = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(options);
        RequireSeries(number, InvoiceSeries.Invoice, nameof(number));
        if (customerVatNumber is not null && customer.Kind != CustomerKind.Company)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"{customer.DisplayName} is a private person: an invoice carries a customer VAT number only for a company.", nameof(customerVatNumber));
        }

        customerVatNumber ??= customer.Registration?.VatNumber?.Value;
        var vatNumber = customerVatNumber is null ? null : TaxIdentifiers.VatNumber(customerVatNumber, nameof(customerVatNumber));
        if (order.Status != OrderStatus.Shipped)
        {
            throw new DomainException(ErrorCodes.Invoice.OrderNotShipped, $"Cannot invoice order {order.Id}: it is {order.Status}; an invoice is issued once the order has shipped.");
        }

        if (customer.Id != order.CustomerId)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Customer {customer.Id} is not the customer of order {order.Id}.", nameof(customer));
        }

        if (customer.BillingAddress is not { } address)
        {
            throw new DomainException(
                ErrorCodes.Invoice.CustomerIncomplete,
                $"Cannot invoice {customer.DisplayName} ({customer.Id}): missing {string.Join(", ", customer.Completeness.MissingForInvoicing)}. Complete the customer record first.");
        }

        var lines = order.Lines.Select(l =>
        {
            var product = products.TryGetValue(l.ProductId, out var p) ? p : throw new EntityNotFoundException(ErrorCodes.Product.NotFound, l.ProductId.ToString());
            return new InvoiceLine(l.ProductId, product.Name, product.Segment, l.Quantity, l.UnitPrice, l.VatRate);
        }).ToArray();
        var issueDate = options.DateOf(issuedAt);
        var paymentTerms = terms ?? options.PaymentTerms;
        return new Invoice(new InvoiceSnapshot(
            id, number, order.Id, options.Seller, new BillingIdentity(customer.Id, customer.DisplayName, address, vatNumber),
            issuedAt, issueDate, paymentTerms, paymentTerms.DueDate(issueDate), options.LatePaymentTerms(), lines, [], []));
    }

    /// <summary>Rebuilds an invoice from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Invoice FromSnapshot(InvoiceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Invoice(snapshot);
    }

    /// <summary>The invoice's whole state as an immutable value. For storage adapters.</summary>
    public InvoiceSnapshot ToSnapshot() =>
        new(Id, Number, OrderId, Seller, BillTo, IssuedAt, IssueDate, PaymentTerms, DueDate, LatePayment, Lines, [.. _payments], [.. _credits]);

    /// <summary>Whether, as of <paramref name="asOf"/>, the due date has passed with something still due.</summary>
    /// <param name="asOf">The date to judge on, in the seller's calendar (<see cref="InvoicingOptions.DateOf"/>).</param>
    public bool IsOverdue(DateOnly asOf) => !AmountDue.IsZero && DueDate < asOf;

    /// <summary>Records a payment, partial or full.</summary>
    /// <param name="amount">Amount received; positive, in the invoice's currency, at most <see cref="AmountDue"/>.</param>
    /// <param name="receivedAt">When.</param>
    /// <param name="reference">Bank or cheque reference, if any; one line of at most <see cref="Limits.MaxNameLength"/> characters.</param>
    /// <exception cref="InvalidInputException"><paramref name="amount"/> is not positive or above <see cref="Limits.MaxAmount"/>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="reference"/> is too long or holds a control character.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="DomainException"><c>invoice.overpayment</c>: the amount exceeds what is due.</exception>
    public void RecordPayment(Money amount, DateTimeOffset receivedAt, string? reference = null)
    {
        if (amount.Amount <= 0m)
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"A payment must be a positive amount, not {amount}.", nameof(amount));
        }

        Limits.RequireAmount(amount);
        reference = FreeText.Optional(reference);

        if (amount > AmountDue)
        {
            throw new DomainException(
                ErrorCodes.Invoice.Overpayment,
                $"Cannot record {amount} on invoice {Number}: only {AmountDue} is due. Record at most the balance, and refund the difference.");
        }

        _payments.Add(new Payment(amount, receivedAt, reference));
    }

    /// <summary>
    /// Issues a credit note against this invoice and records it here; the invoice itself (number, lines, amounts,
    /// mentions) does not change. Without <paramref name="lines"/>, it credits everything not credited yet.
    /// </summary>
    /// <param name="id">Identity of the credit note.</param>
    /// <param name="number">Its number in the <see cref="InvoiceSeries.CreditNote"/> series, taken in the same unit of work.</param>
    /// <param name="lines">What to credit, per invoice line; everything left when <see langword="null"/>.</param>
    /// <param name="reason">Why (vehicle returned, commercial gesture, billing error); required.</param>
    /// <param name="issuedAt">Issue time.</param>
    /// <param name="options">Gives the issue date's time zone.</param>
    /// <returns>The credit note, to store with the invoice.</returns>
    /// <exception cref="InvalidInputException">The number is not a credit-note number, the reason is blank, too long or holds a control character, no line is given, or a line names no invoice line, credits no unit or more per unit than invoiced.</exception>
    /// <exception cref="CurrencyMismatchException">A unit price is in another currency.</exception>
    /// <exception cref="DomainException"><c>credit-note.exceeds-invoice</c>: a line would credit more than what remains of it; nothing changed.</exception>
    public CreditNote IssueCreditNote(
        InvoiceId id, InvoiceNumber number, IReadOnlyList<CreditLine>? lines, string reason, DateTimeOffset issuedAt, InvoicingOptions options)
    {
        reason = FreeText.Require(reason);
        ArgumentNullException.ThrowIfNull(options);
        RequireSeries(number, InvoiceSeries.CreditNote, nameof(number));
        var credited = lines is null ? CreditEverythingLeft() : CreditRequested(lines);
        var creditNote = CreditNote.Create(id, number, this, credited, reason, issuedAt, options.DateOf(issuedAt));
        _credits.Add(new InvoiceCredit(creditNote.Id, creditNote.Number, creditNote.IssuedAt, creditNote.Lines, creditNote.Total));
        return creditNote;
    }

    private static void RequireSeries(InvoiceNumber number, string series, string parameterName)
    {
        if (number.Series != series)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"{number} is not in the {series} series.", parameterName);
        }
    }

    private Money CreditedNet(int invoiceLine) =>
        Money.Sum(_credits.SelectMany(c => c.Lines).Where(l => l.InvoiceLine == invoiceLine).Select(l => l.Line.Net), Currency);

    private CreditNoteLine[] CreditEverythingLeft()
    {
        var credited = Lines
            .Select((line, index) => (Number: index + 1, Line: line, Left: line.Net - CreditedNet(index + 1)))
            .Where(l => l.Left.Amount > 0m)
            .Select(l => new CreditNoteLine(l.Number, RemainderOf(l.Line, l.Left)))
            .ToArray();
        return credited.Length > 0
            ? credited
            : throw new DomainException(ErrorCodes.CreditNote.ExceedsInvoice, $"Invoice {Number} is already fully credited: there is nothing left to credit.");
    }

    // What is left of a line, in whole units at the invoiced price when it divides evenly (units not returned yet),
    // otherwise as one unit at the amount left (after a price reduction).
    private static InvoiceLine RemainderOf(InvoiceLine line, Money left) =>
        line.UnitPrice.Amount > 0m && left.Amount % line.UnitPrice.Amount == 0m
            ? line with { Quantity = (int)(left.Amount / line.UnitPrice.Amount) }
            : line with { Quantity = 1, UnitPrice = left };

    private CreditNoteLine[] CreditRequested(IReadOnlyList<CreditLine> lines)
    {
        if (lines.Count == 0)
        {
            throw new InvalidInputException(ErrorCodes.Input.Required, "A credit note needs at least one line; pass null to credit the whole invoice.", nameof(lines));
        }

        var credited = lines.Select(request =>
        {
            ArgumentNullException.ThrowIfNull(request, nameof(lines));
            if (request.InvoiceLine < 1 || request.InvoiceLine > Lines.Count)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"Invoice {Number} has lines 1 to {Lines.Count}, not {request.InvoiceLine}.", nameof(lines));
            }

            var invoiced = Lines[request.InvoiceLine - 1];
            var unitPrice = request.UnitPrice ?? invoiced.UnitPrice;
            if (request.Quantity < 1 || unitPrice.Amount <= 0m || unitPrice > invoiced.UnitPrice)
            {
                throw new InvalidInputException(
                    ErrorCodes.Input.OutOfRange, $"A credit line credits at least one unit, for more than zero and at most the invoiced {invoiced.UnitPrice} per unit.", nameof(lines));
            }

            return new CreditNoteLine(request.InvoiceLine, invoiced with { Quantity = request.Quantity, UnitPrice = unitPrice });
        }).ToArray();

        foreach (var group in credited.GroupBy(c => c.InvoiceLine))
        {
            var invoiced = Lines[group.Key - 1];
            var left = invoiced.Net - CreditedNet(group.Key);
            var asked = Money.Sum(group.Select(c => c.Line.Net), Currency);
            if (asked > left)
            {
                throw new DomainException(
                    ErrorCodes.CreditNote.ExceedsInvoice,
                    $"Cannot credit {asked} on line {group.Key} of invoice {Number} ({invoiced.Description}): only {left} of its {invoiced.Net} is left to credit.");
            }
        }

        return credited;
    }

    /// <summary>A sum over a list without an iterator: balances, settlements and overdue checks read these sums all the time.</summary>
    private Money SumOf<T>(List<T> items, Func<T, Money> amount)
    {
        var total = Money.Zero(Currency);
        foreach (var item in items)
        {
            total += amount(item);
        }

        return total;
    }
}

/// <summary>The stored state of an <see cref="Invoice"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Number">Legal number.</param>
/// <param name="OrderId">The order invoiced.</param>
/// <param name="Seller">The seller's identity at issue.</param>
/// <param name="BillTo">Billing identity at issue.</param>
/// <param name="IssuedAt">Issue time.</param>
/// <param name="IssueDate">Issue date.</param>
/// <param name="PaymentTerms">Payment terms.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="LatePayment">Late-payment mentions.</param>
/// <param name="Lines">Invoiced lines.</param>
/// <param name="Payments">Payments received.</param>
/// <param name="Credits">Credit notes issued against it.</param>
public sealed record InvoiceSnapshot(
    InvoiceId Id,
    InvoiceNumber Number,
    OrderId OrderId,
    SellerIdentity Seller,
    BillingIdentity BillTo,
    DateTimeOffset IssuedAt,
    DateOnly IssueDate,
    PaymentTerms PaymentTerms,
    DateOnly DueDate,
    LatePaymentTerms LatePayment,
    IReadOnlyList<InvoiceLine> Lines,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<InvoiceCredit> Credits);
