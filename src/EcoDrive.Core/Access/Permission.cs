namespace EcoDrive.Core.Access;

/// <summary>A right to perform one kind of operation, named <c>area.action</c> (<c>orders.create</c>).</summary>
/// <param name="Name">The permission's stable name.</param>
public readonly record struct Permission(string Name)
{
    /// <summary>The permission's name.</summary>
    public override string ToString() => Name ?? string.Empty;
}

/// <summary>The permissions that EcoDrive's application operations check.</summary>
public static class Permissions
{
    /// <summary>Read customers' names and segments.</summary>
    public static readonly Permission CustomersRead = new("customers.read");

    /// <summary>Read customers' contact details (e-mail, phone, address).</summary>
    public static readonly Permission CustomersReadContact = new("customers.read-contact");

    /// <summary>Create and change customers.</summary>
    public static readonly Permission CustomersWrite = new("customers.write");

    /// <summary>Create leads and move them through the pipeline.</summary>
    public static readonly Permission LeadsManage = new("leads.manage");

    /// <summary>Record sales orders in the CRM.</summary>
    public static readonly Permission OrdersCreate = new("orders.create");

    /// <summary>Read orders and their status history.</summary>
    public static readonly Permission OrdersRead = new("orders.read");

    /// <summary>Prepare and ship orders, receive stock.</summary>
    public static readonly Permission OrdersFulfil = new("orders.fulfil");

    /// <summary>Cancel orders before shipping.</summary>
    public static readonly Permission OrdersCancel = new("orders.cancel");

    /// <summary>Issue invoices and credit notes.</summary>
    public static readonly Permission InvoicesIssue = new("invoices.issue");

    /// <summary>Record payments.</summary>
    public static readonly Permission PaymentsRecord = new("payments.record");

    /// <summary>Manage the catalogue and stock levels.</summary>
    public static readonly Permission StockManage = new("stock.manage");

    /// <summary>Run marketing campaigns.</summary>
    public static readonly Permission CampaignsManage = new("campaigns.manage");

    /// <summary>View the sales director's dashboard.</summary>
    public static readonly Permission KpiView = new("kpi.view");

    /// <summary>Import customers, leads, orders and invoices from a previous system, in bulk.</summary>
    public static readonly Permission HistoryImport = new("history.import");

    /// <summary>Retry or discard the messages between CRM and ERP that were parked after failing every allowed attempt.</summary>
    public static readonly Permission OutboxManage = new("outbox.manage");

    /// <summary>
    /// Approve a price below list by more than the seller's own discount limit, up to the approver's limit (the limits
    /// per role are the application's pricing options).
    /// </summary>
    public static readonly Permission PricesApprove = new("prices.approve");

    /// <summary>Every permission above, in declaration order.</summary>
    public static IReadOnlyList<Permission> All { get; } =
    [
        CustomersRead, CustomersReadContact, CustomersWrite, LeadsManage, OrdersCreate, OrdersRead, OrdersFulfil,
        OrdersCancel, InvoicesIssue, PaymentsRecord, StockManage, CampaignsManage, KpiView, HistoryImport, OutboxManage,
        PricesApprove,
    ];
}
