using System.Text.Json;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
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

namespace EcoDrive.Storage.Sql;

/// <summary>
/// The table of every aggregate kind and the columns extracted from its snapshot. Adding a port is a table script in
/// each engine's <c>Schema/</c> folder, one entry here and a one-line repository.
/// </summary>
internal static class SqlTables
{
    public static SqlTable<CustomerId, CustomerSnapshot> Customers { get; } = new(
        "customers",
        "customer",
        [
            new("email", c => c.Email?.Value),
            new("phone", c => c.Phone?.ToString()),
        ]);

    public static SqlTable<LeadId, LeadSnapshot> Leads { get; } = new(
        "leads",
        "lead",
        [
            new("created_at", l => l.CreatedAt),
            new("stage", l => Code(l.Stage)),
            new("won_at", l => l.Stage == LeadStage.Won ? l.History[^1].At : null),
            new("lost_at", l => l.Stage == LeadStage.Lost ? l.History[^1].At : null),
            new("source", l => l.Source.Code),
            new("owner_id", l => l.OwnerId?.Value),
            new("campaign_id", l => l.Source.CampaignId?.Value),
        ]);

    public static SqlTable<OrderId, OrderViewSnapshot> OrderViews { get; } = new(
        "order_views",
        "order view",
        [
            new("submitted_at", o => o.SubmittedAt),
            new("status", o => Code(o.Status)),
            new("customer_id", o => o.CustomerId.Value),
            new("salesperson_id", o => o.SalespersonId.Value),
        ]);

    public static SqlTable<ProductId, ProductSnapshot> Products { get; } = new(
        "products",
        "product",
        [
            new("segment", p => p.Segment.Code),
        ]);

    public static SqlTable<ProductId, StockItemSnapshot> Stock { get; } = new(
        "stock_items",
        "stock",
        [
            new("on_hand", s => s.OnHand),
            new("reserved", s => s.Reservations.Sum(r => r.Quantity)),
        ]);

    public static SqlTable<OrderId, OrderSnapshot> Orders { get; } = new(
        "orders",
        "order",
        [
            new("status", o => Code(o.Status)),
            new("customer_id", o => o.CustomerId.Value),
            new("submitted_at", o => o.History[0].At),
        ]);

    public static SqlTable<InvoiceId, InvoiceSnapshot> Invoices { get; } = new(
        "invoices",
        "invoice",
        [
            new("order_id", i => i.OrderId.Value),
            new("series", i => i.Number.Series),
            new("year", i => i.Number.Year),
            new("sequence", i => i.Number.Sequence),
            new("issued_at", i => i.IssuedAt),
            new("due_date", i => i.DueDate),
        ],
        RevenueLines<InvoiceSnapshot>("invoice_lines", i => i.IssuedAt, i => i.Lines));

    public static SqlTable<InvoiceId, CreditNoteSnapshot> CreditNotes { get; } = new(
        "credit_notes",
        "credit note",
        [
            new("invoice_id", c => c.InvoiceId.Value),
            new("series", c => c.Number.Series),
            new("year", c => c.Number.Year),
            new("sequence", c => c.Number.Sequence),
            new("issued_at", c => c.IssuedAt),
        ],
        RevenueLines<CreditNoteSnapshot>("credit_note_lines", c => c.IssuedAt, c => c.Lines.Select(l => l.Line)));

    public static SqlTable<PurchaseOrderId, PurchaseOrderSnapshot> PurchaseOrders { get; } = new(
        "purchase_orders",
        "purchase order",
        [
            new("status", p => Code(p.Status)),
            new("created_at", p => p.CreatedAt),
        ]);

    public static SqlTable<InteractionId, Interaction> Interactions { get; } = new(
        "interactions",
        "interaction",
        [
            .. PartyColumns<Interaction>(i => i.Party),
            new("at", i => i.At),
        ]);

    public static SqlTable<FollowUpId, FollowUpSnapshot> FollowUps { get; } = new(
        "follow_ups",
        "follow-up",
        [
            .. PartyColumns<FollowUpSnapshot>(f => f.Party),
            new("assignee_id", f => f.AssigneeId.Value),
            new("status", f => Code(f.Status)),
            new("due_at", f => f.DueAt),
        ]);

    public static SqlTable<OfferId, OfferSnapshot> Offers { get; } = new(
        "offers",
        "offer",
        [
            .. PartyColumns<OfferSnapshot>(o => o.Party),
            new("status", o => Code(o.Status)),
            new("valid_until", o => o.ValidUntil),
            new("created_at", o => o.History[0].At),
        ]);

    public static SqlTable<CampaignId, CampaignSnapshot> Campaigns { get; } = new(
        "campaigns",
        "campaign",
        [
            new("status", c => Code(c.Status)),
        ]);

    /// <summary>The columns naming a customer or a lead: <c>party_kind</c> and <c>party_id</c>.</summary>
    public static SqlColumn<TSnapshot>[] PartyColumns<TSnapshot>(Func<TSnapshot, PartyRef> party) =>
    [
        new("party_kind", s => Code(party(s).Kind)),
        new("party_id", s => PartyId(party(s))),
    ];

    /// <summary>The id a <see cref="PartyRef"/> names.</summary>
    public static Guid PartyId(PartyRef party) => party.CustomerId?.Value ?? party.LeadId?.Value ?? Guid.Empty;

    /// <summary>Lines as rows for the revenue KPI: issue time, segment, currency and net amount of each.</summary>
    private static SqlChildRows<TSnapshot> RevenueLines<TSnapshot>(string table, Func<TSnapshot, DateTimeOffset> issuedAt, Func<TSnapshot, IEnumerable<InvoiceLine>> lines) =>
        new(
            table,
            ["line_no", "issued_at", "segment", "currency", "net_e4"],
            s => lines(s).Select((line, index) => new object?[] { index, issuedAt(s), line.Segment.Code, line.Net.Currency.Code, NetE4(line.Net) }));

    /// <summary>An enum value as the JSON documents write it (<c>inPreparation</c>).</summary>
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Reads back a value written by <see cref="Code{TEnum}"/>.</summary>
    public static TEnum ParseCode<TEnum>(string code)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(code, ignoreCase: true);

    /// <summary>An amount in ten-thousandths of its currency unit: exact for every ISO 4217 currency, and summable in SQL.</summary>
    public static long NetE4(Money amount) => decimal.ToInt64(amount.Amount * 10_000m);

    /// <summary>Reads back an amount written by <see cref="NetE4"/>.</summary>
    public static Money FromE4(long e4, string currency) => new(e4 / 10_000m, Currency.FromCode(currency));
}
