using EcoDrive.Core.Customers;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Erp.Stock;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Storage.InMemory;

/// <summary>
/// The in-memory store shared by every scope of an application (register it once, as a singleton). Aggregates are
/// kept as immutable snapshots with a version; a unit of work commits all its writes at once under one lock and
/// refuses the commit when any row changed since it was read.
/// </summary>
public sealed class InMemoryDatabase
{
    internal object Gate { get; } = new();

    internal InMemoryTable<CustomerId, CustomerSnapshot> Customers { get; } = new("customer");

    internal InMemoryTable<LeadId, LeadSnapshot> Leads { get; } = new("lead");

    internal InMemoryTable<OrderId, OrderViewSnapshot> OrderViews { get; } = new("order view");

    internal InMemoryTable<InteractionId, Interaction> Interactions { get; } = new("interaction");

    internal InMemoryTable<FollowUpId, FollowUpSnapshot> FollowUps { get; } = new("follow-up");

    internal InMemoryTable<OfferId, OfferSnapshot> Offers { get; } = new("offer");

    internal InMemoryTable<CampaignId, CampaignSnapshot> Campaigns { get; } = new("campaign");

    internal InMemoryTable<ProductId, ProductSnapshot> Products { get; } = new("product");

    internal InMemoryTable<ProductId, StockItemSnapshot> Stock { get; } = new("stock");

    internal InMemoryTable<OrderId, OrderSnapshot> Orders { get; } = new("order");

    internal InMemoryTable<PurchaseOrderId, PurchaseOrderSnapshot> PurchaseOrders { get; } = new("purchase order");

    internal InMemoryTable<InvoiceId, InvoiceSnapshot> Invoices { get; } = new("invoice");

    internal InMemoryTable<InvoiceId, CreditNoteSnapshot> CreditNotes { get; } = new("credit note");

    internal InMemoryTable<(string Series, int Year), long> InvoiceCounters { get; } = new("invoice counter");

    internal List<OutboxEntry> Outbox { get; } = [];

    /// <summary>Held by the unit of work that claimed outbox messages, until it commits or is disposed: one claim at a time.</summary>
    internal SemaphoreSlim OutboxClaim { get; } = new(1, 1);

    internal HashSet<Guid> Inbox { get; } = [];
}
