using EcoDrive.Erp.Invoices;

namespace EcoDrive.Application.Import;

/// <summary>
/// An order as a previous system knew it: what was ordered, when, and every status it went through after submission.
/// The import replays the changes through the order's state machine, so only a path the machine allows is accepted
/// (<c>Submitted → Confirmed → InPreparation → Shipped → Invoiced → Paid</c>, <c>→ Rejected</c>, <c>→ Cancelled</c>, …).
/// </summary>
/// <remarks>
/// An imported order must have left the warehouse or be closed: its last status is <see cref="OrderStatus.Shipped"/>,
/// <see cref="OrderStatus.Invoiced"/>, <see cref="OrderStatus.Paid"/>, <see cref="OrderStatus.Rejected"/> or
/// <see cref="OrderStatus.Cancelled"/>. An order still waiting for stock or in preparation would hold stock, which
/// an import does not move: submit it with <see cref="Application.SalesOrderService"/> instead. Reaching
/// <see cref="OrderStatus.Invoiced"/> issues its invoice with the next number of the <c>FA</c> series at that time;
/// reaching <see cref="OrderStatus.Paid"/> records one payment of the whole invoice.
/// </remarks>
/// <param name="Id">The order's id, shared by the CRM and the ERP.</param>
/// <param name="CustomerId">The customer: of the same batch, or already stored.</param>
/// <param name="SalespersonId">The salesperson who recorded it.</param>
/// <param name="Lines">What was ordered; at least one line, one currency; every product must be in the catalogue.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Changes">The statuses it went through after submission, oldest first, never going back in time.</param>
public sealed record ImportedOrder(
    OrderId Id,
    CustomerId CustomerId,
    UserId SalespersonId,
    IReadOnlyList<OrderLine> Lines,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<ImportedStatusChange> Changes)
{
    /// <summary>The payment terms of its invoice; the configured <see cref="InvoicingOptions.PaymentTerms"/> when <see langword="null"/>.</summary>
    public PaymentTerms? PaymentTerms { get; init; }
}

/// <summary>One status an imported order went through.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who; the importing user when <see langword="null"/> and the status needs a person (preparation, shipping, invoicing, payment).</param>
/// <param name="Reason">Why: required for <see cref="OrderStatus.Rejected"/> and <see cref="OrderStatus.Cancelled"/>.</param>
public sealed record ImportedStatusChange(OrderStatus Status, DateTimeOffset At, UserId? Actor = null, string? Reason = null);
