using EcoDrive.Core.Customers;
using EcoDrive.Application.Messaging;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that the use cases of <see cref="BillingService"/> use, one set per unit of work: <c>AddEcoDrive</c> registers
/// it scoped, and the service's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each
/// run (and of each retry). DI builds it; you do not.
/// </summary>
/// <param name="invoices">The invoices.</param>
/// <param name="creditNotes">The credit notes.</param>
/// <param name="invoiceNumbers">The counters of the invoice and credit-note series, taken in the same unit of work.</param>
/// <param name="orders">The ERP's orders, invoiced and then paid.</param>
/// <param name="customers">The customers that invoices are billed to.</param>
/// <param name="catalogue">The catalogue that invoice lines are described from.</param>
/// <param name="outbox">The outbox that reports each order's new status to the CRM.</param>
public sealed class BillingPorts(
    IInvoiceRepository invoices,
    ICreditNoteRepository creditNotes,
    IInvoiceNumberSequence invoiceNumbers,
    IOrderRepository orders,
    ICustomerRepository customers,
    IProductCatalogue catalogue,
    IOutbox outbox)
{
    internal IInvoiceRepository Invoices { get; } = invoices;

    internal ICreditNoteRepository CreditNotes { get; } = creditNotes;

    internal IInvoiceNumberSequence InvoiceNumbers { get; } = invoiceNumbers;

    internal IOrderRepository Orders { get; } = orders;

    internal ICustomerRepository Customers { get; } = customers;

    internal IProductCatalogue Catalogue { get; } = catalogue;

    internal IOutbox Outbox { get; } = outbox;
}
