using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Integration.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Integration.Application;

/// <summary>Accounting's use cases: issuing the invoice of a shipped order and recording payments.</summary>
public sealed class BillingService
{
    private readonly UseCaseRunner _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="scopes">Creates the scope and unit of work of each operation.</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    public BillingService(IServiceScopeFactory scopes, IAccessPolicy access, TimeProvider clock)
    {
        _runner = new UseCaseRunner(scopes);
        _access = access;
        _clock = clock;
    }

    /// <summary>
    /// Issues the invoice of a shipped order with the next number of the <c>FA</c> series, taken in the same unit
    /// of work (so numbers have no gap), and moves the order to <see cref="OrderStatus.Invoiced"/>.
    /// </summary>
    /// <param name="actor">Who; needs <c>invoices.issue</c>.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the operation; no number is used then.</param>
    /// <returns>The issued invoice.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>invoices.issue</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such order, customer or product.</exception>
    /// <exception cref="DomainException">The order has not shipped, or the customer lacks a billing address.</exception>
    public Task<InvoiceSummary> IssueInvoiceAsync(User actor, OrderId orderId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.InvoicesIssue);
        return _runner.RunAsync(
            async services =>
            {
                var orders = services.GetRequiredService<IOrderRepository>();
                var order = await orders.RequireAsync(orderId, cancellationToken).ConfigureAwait(false);
                var customer = await services.GetRequiredService<ICustomerRepository>().RequireAsync(order.CustomerId, cancellationToken).ConfigureAwait(false);
                var catalogue = services.GetRequiredService<IProductCatalogue>();
                var products = new Dictionary<ProductId, Product>();
                foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
                {
                    products[productId] = await catalogue.FindAsync(productId, cancellationToken).ConfigureAwait(false)
                        ?? throw new EntityNotFoundException("product", productId.ToString());
                }

                var now = _clock.GetUtcNow();
                var number = await services.GetRequiredService<IInvoiceNumberSequence>().NextAsync(InvoiceSeries.Invoice, now.Year, cancellationToken).ConfigureAwait(false);
                var invoice = Invoice.Issue(InvoiceId.New(), number, order, customer, products, now, PaymentTerms.Net30);
                order.MarkInvoiced(invoice.Id, actor.Id, now);
                services.GetRequiredService<IInvoiceRepository>().Add(invoice);
                orders.Update(order);
                order.ReportTo(services.GetRequiredService<IOutbox>());
                return InvoiceSummary.Of(invoice);
            },
            cancellationToken);
    }

    /// <summary>Records a payment on an invoice; when it settles the balance, the order becomes <see cref="OrderStatus.Paid"/>.</summary>
    /// <param name="actor">Who; needs <c>payments.record</c>.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="amount">Amount received; positive, at most the balance due.</param>
    /// <param name="reference">Bank or cheque reference, if any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invoice after the payment.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>payments.record</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such invoice.</exception>
    /// <exception cref="DomainException"><c>invoice.overpayment</c>: the amount exceeds the balance due.</exception>
    public Task<InvoiceSummary> RecordPaymentAsync(User actor, InvoiceId invoiceId, Money amount, string? reference = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.PaymentsRecord);
        return _runner.RunAsync(
            async services =>
            {
                var invoices = services.GetRequiredService<IInvoiceRepository>();
                var invoice = await invoices.RequireAsync(invoiceId, cancellationToken).ConfigureAwait(false);
                var now = _clock.GetUtcNow();
                invoice.RecordPayment(amount, now, reference);
                invoices.Update(invoice);
                if (invoice.IsPaid)
                {
                    var orders = services.GetRequiredService<IOrderRepository>();
                    var order = await orders.RequireAsync(invoice.OrderId, cancellationToken).ConfigureAwait(false);
                    order.MarkPaid(invoice.Balance, actor.Id, now);
                    orders.Update(order);
                    order.ReportTo(services.GetRequiredService<IOutbox>());
                }

                return InvoiceSummary.Of(invoice);
            },
            cancellationToken);
    }
}
