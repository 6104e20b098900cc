using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Application.Messaging;
using System.Runtime.CompilerServices;
using EcoDrive.Application.Ports;
using EcoDrive.Application.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>
/// Accounting's use cases: issuing the invoice of a shipped order, credit notes, payments, and the lists of unpaid,
/// partially paid, paid and overdue invoices. Invoices carry the seller identity and late-payment mentions of the
/// <see cref="InvoicingOptions"/> configured in DI.
/// </summary>
public sealed class BillingService
{
    private readonly UseCaseRunner<BillingPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly IOptions<InvoicingOptions> _options;
    private readonly ILogger _logger;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="BillingPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Seller identity, payment terms, penalty rate and time zone of the invoices.</param>
    /// <param name="logger">Where issued invoices, credit notes and payments are logged (numbers and ids only); none when omitted.</param>
    public BillingService(UseCaseRunner<BillingPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<InvoicingOptions> options, ILogger<BillingService>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _runner = runner;
        _access = access;
        _clock = clock;
        _options = options;
    }

    /// <summary>
    /// Issues the invoice of a shipped order with the next number of the <c>FA</c> series, taken in the same unit
    /// of work (so numbers have no gap), and moves the order to <see cref="OrderStatus.Invoiced"/>.
    /// </summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="terms">Payment terms; the configured <see cref="InvoicingOptions.PaymentTerms"/> when <see langword="null"/>.</param>
    /// <param name="customerVatNumber">
    /// The customer's intra-EU VAT number, printed for a company; by default the one on the customer's registration
    /// (pass one only for a foreign company whose number the record does not hold).
    /// </param>
    /// <param name="cancellationToken">Cancels the operation; no number is used then.</param>
    /// <returns>The issued invoice.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>invoices.issue</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such order, customer or product.</exception>
    /// <exception cref="DomainException">The order has not shipped, or the customer lacks a billing address.</exception>
    /// <exception cref="InvalidInputException">A VAT number is given for a private person, or is malformed.</exception>
    public async Task<InvoiceSummary> IssueInvoiceAsync(
        User actor, OrderId orderId, PaymentTerms? terms = null, string? customerVatNumber = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.InvoicesIssue);
        var issued = await _runner.RunAsync(
            async ports =>
            {
                var orders = ports.Orders;
                var order = await orders.RequireAsync(orderId, cancellationToken).ConfigureAwait(false);
                var customer = await ports.Customers.RequireAsync(order.CustomerId, cancellationToken).ConfigureAwait(false);
                var catalogue = ports.Catalogue;
                var products = new Dictionary<ProductId, Product>();
                foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
                {
                    products[productId] = await catalogue.RequireAsync(productId, cancellationToken).ConfigureAwait(false);
                }

                var now = _clock.GetUtcNow();
                var number = await NextNumberAsync(ports, InvoiceSeries.Invoice, now, cancellationToken).ConfigureAwait(false);
                var invoice = Invoice.Issue(InvoiceId.New(), number, order, customer, products, _options.Value, now, terms, customerVatNumber);
                order.MarkInvoiced(invoice.Id, actor.Id, now);
                ports.Invoices.Add(invoice);
                orders.Update(order);
                order.ReportTo(ports.Outbox);
                return InvoiceSummary.Of(invoice);
            },
            cancellationToken).ConfigureAwait(false);
        EcoDriveInstruments.InvoicesIssued.Add(1);
        _logger.InvoiceIssued(issued.Number.ToString(), issued.Id.Value, issued.OrderId.Value);
        return issued;
    }

    /// <summary>Records a payment on an invoice; when it settles what is due, the order becomes <see cref="OrderStatus.Paid"/>.</summary>
    /// <param name="actor">Who; needs <c>payments.record</c>.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="amount">Amount received; positive, at most what is due.</param>
    /// <param name="reference">Bank or cheque reference, if any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invoice after the payment.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>payments.record</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such invoice.</exception>
    /// <exception cref="DomainException"><c>invoice.overpayment</c>: the amount exceeds what is due.</exception>
    public async Task<InvoiceSummary> RecordPaymentAsync(User actor, InvoiceId invoiceId, Money amount, string? reference = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.PaymentsRecord);
        var paid = await ChangeInvoiceAsync(
            invoiceId,
            actor,
            (invoice, _, now) =>
            {
                invoice.RecordPayment(amount, now, reference);
                return Task.FromResult(InvoiceSummary.Of(invoice));
            },
            cancellationToken).ConfigureAwait(false);
        EcoDriveInstruments.PaymentsRecorded.Add(1);
        _logger.PaymentRecorded(paid.Number.ToString(), paid.Id.Value);
        return paid;
    }

    /// <summary>
    /// Issues a credit note against an invoice with the next number of the <c>AV</c> series, in the same unit of work
    /// as the invoice's record of it; the invoice itself never changes. Without <paramref name="lines"/> it credits
    /// everything not credited yet. When it settles an invoice that was partly paid, the order becomes
    /// <see cref="OrderStatus.Paid"/>.
    /// </summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c>.</param>
    /// <param name="invoiceId">The invoice to credit.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="lines">What to credit per invoice line (returned units, price reductions); everything left when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; no number is used then.</param>
    /// <returns>The credit note.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>invoices.issue</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such invoice.</exception>
    /// <exception cref="InvalidInputException">The reason is blank, or a line is malformed.</exception>
    /// <exception cref="DomainException"><c>credit-note.exceeds-invoice</c>: a line credits more than what remains of it.</exception>
    public async Task<CreditNoteSummary> IssueCreditNoteAsync(
        User actor, InvoiceId invoiceId, string reason, IReadOnlyList<CreditLine>? lines = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.InvoicesIssue);
        var creditNote = await ChangeInvoiceAsync(
            invoiceId,
            actor,
            async (invoice, ports, now) =>
            {
                var number = await NextNumberAsync(ports, InvoiceSeries.CreditNote, now, cancellationToken).ConfigureAwait(false);
                var creditNote = invoice.IssueCreditNote(InvoiceId.New(), number, lines, reason, now, _options.Value);
                ports.CreditNotes.Add(creditNote);
                return CreditNoteSummary.Of(creditNote);
            },
            cancellationToken).ConfigureAwait(false);
        EcoDriveInstruments.CreditNotesIssued.Add(1);
        _logger.CreditNoteIssued(creditNote.Number.ToString(), creditNote.InvoiceId.Value);
        return creditNote;
    }

    /// <summary>Reads an invoice.</summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c> or <c>payments.record</c>.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks both permissions (the error names <c>payments.record</c>).</exception>
    /// <exception cref="EntityNotFoundException">No such invoice.</exception>
    public Task<InvoiceSummary> GetInvoiceAsync(User actor, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        _access.DemandAny(actor, Permissions.InvoicesIssue, Permissions.PaymentsRecord);
        return _runner.RunAsync(
            async ports => InvoiceSummary.Of(await ports.Invoices.RequireAsync(invoiceId, cancellationToken).ConfigureAwait(false)),
            cancellationToken);
    }

    /// <summary>Lists invoices by number: all, or only the unpaid, partially paid or paid ones.</summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c> or <c>payments.record</c>.</param>
    /// <param name="settlement">Only those settled this far; all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks both permissions (the error names <c>payments.record</c>).</exception>
    public Task<IReadOnlyList<InvoiceSummary>> ListInvoicesAsync(User actor, InvoiceSettlement? settlement = null, CancellationToken cancellationToken = default)
    {
        _access.DemandAny(actor, Permissions.InvoicesIssue, Permissions.PaymentsRecord);
        return _runner.RunAsync<IReadOnlyList<InvoiceSummary>>(
            async ports => [.. (await ports.Invoices.ListAsync(settlement, cancellationToken).ConfigureAwait(false)).Select(InvoiceSummary.Of)],
            cancellationToken);
    }

    /// <summary>Lists the invoices overdue today (in the seller's time zone): past their due date with something still due, oldest due date first.</summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c> or <c>payments.record</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks both permissions (the error names <c>payments.record</c>).</exception>
    public Task<IReadOnlyList<InvoiceSummary>> ListOverdueAsync(User actor, CancellationToken cancellationToken = default)
    {
        _access.DemandAny(actor, Permissions.InvoicesIssue, Permissions.PaymentsRecord);
        var today = _options.Value.DateOf(_clock.GetUtcNow());
        return _runner.RunAsync<IReadOnlyList<InvoiceSummary>>(
            async ports => [.. (await ports.Invoices.ListOverdueAsync(today, cancellationToken).ConfigureAwait(false)).Select(InvoiceSummary.Of)],
            cancellationToken);
    }

    /// <summary>Lists the credit notes of an invoice, by number.</summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c> or <c>payments.record</c>.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks both permissions (the error names <c>payments.record</c>).</exception>
    public Task<IReadOnlyList<CreditNoteSummary>> ListCreditNotesAsync(User actor, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        _access.DemandAny(actor, Permissions.InvoicesIssue, Permissions.PaymentsRecord);
        return _runner.RunAsync<IReadOnlyList<CreditNoteSummary>>(
            async ports => [.. (await ports.CreditNotes.ListForInvoiceAsync(invoiceId, cancellationToken).ConfigureAwait(false)).Select(CreditNoteSummary.Of)],
            cancellationToken);
    }

    private Task<InvoiceNumber> NextNumberAsync(BillingPorts ports, string series, DateTimeOffset now, CancellationToken cancellationToken) =>
        ports.InvoiceNumbers.NextAsync(series, _options.Value.DateOf(now).Year, cancellationToken);

    // Records a payment or a credit note on an invoice; when that leaves nothing due on an invoice that was (partly)
    // paid, its order becomes Paid and the CRM is told, in the same unit of work.
    private Task<T> ChangeInvoiceAsync<T>(
        InvoiceId invoiceId,
        User actor,
        Func<Invoice, BillingPorts, DateTimeOffset, Task<T>> change,
        CancellationToken cancellationToken,
        [CallerMemberName] string useCase = "") =>
        _runner.RunAsync(
            async ports =>
            {
                var invoices = ports.Invoices;
                var invoice = await invoices.RequireAsync(invoiceId, cancellationToken).ConfigureAwait(false);
                var now = _clock.GetUtcNow();
                var result = await change(invoice, ports, now).ConfigureAwait(false);
                invoices.Update(invoice);
                if (invoice.IsPaid && !invoice.AmountPaid.IsZero)
                {
                    var orders = ports.Orders;
                    var order = await orders.RequireAsync(invoice.OrderId, cancellationToken).ConfigureAwait(false);
                    if (order.Status == OrderStatus.Invoiced)
                    {
                        order.MarkPaid(invoice.AmountDue, actor.Id, now);
                        orders.Update(order);
                        order.ReportTo(ports.Outbox);
                    }
                }

                return result;
            },
            cancellationToken,
            useCase);
}
