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

/// <summary>Find, add and update of one aggregate kind over its table, through the scope's unit of work.</summary>
internal abstract class SqlRepository<TKey, TSnapshot, TAggregate>(
    SqlUnitOfWork unitOfWork,
    SqlTable<TKey, TSnapshot> table,
    Func<TSnapshot, TAggregate> restore,
    Func<TAggregate, TKey> keyOf,
    Func<TAggregate, TSnapshot> snapshotOf)
    where TKey : struct, IEntityId<TKey>
    where TAggregate : class
{
    public Task<TAggregate?> FindAsync(TKey id, CancellationToken cancellationToken = default) =>
        unitOfWork.FindAsync(table, id, restore, cancellationToken);

    public void Add(TAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        unitOfWork.Add(table, keyOf(aggregate), aggregate, () => snapshotOf(aggregate));
    }

    public void Update(TAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        unitOfWork.Update(table, keyOf(aggregate), aggregate, () => snapshotOf(aggregate));
    }

    /// <summary>The aggregates whose extracted columns match a SQL condition, through the table's indexes.</summary>
    protected Task<IReadOnlyList<TAggregate>> WhereAsync(string condition, SqlParameters parameters, CancellationToken cancellationToken, string orderBy = "id") =>
        unitOfWork.WhereAsync(table, condition, parameters, null, restore, cancellationToken, orderBy);

    /// <summary>Every aggregate of the table.</summary>
    protected Task<IReadOnlyList<TAggregate>> AllAsync(CancellationToken cancellationToken, string orderBy = "id") =>
        unitOfWork.WhereAsync(table, null, SqlParameters.None, null, restore, cancellationToken, orderBy);

    /// <summary>
    /// The aggregates whose committed snapshot passes <paramref name="predicate"/>, by reading the whole table: the
    /// quick way to serve a new query before it earns an extracted column and an index.
    /// </summary>
    protected Task<IReadOnlyList<TAggregate>> ScanAsync(Func<TSnapshot, bool> predicate, CancellationToken cancellationToken) =>
        unitOfWork.WhereAsync(table, null, SqlParameters.None, predicate, restore, cancellationToken);
}

internal sealed class SqlCustomerRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<CustomerId, CustomerSnapshot, Customer>(unitOfWork, SqlTables.Customers, Customer.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICustomerRepository
{
    public async Task<Customer?> FindByContactAsync(ContactDetails contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Email is null && contact.Phone is null)
        {
            return null;
        }

        var matches = await WhereAsync(
            "email = @email OR phone = @phone",
            [("email", contact.Email?.Value), ("phone", contact.Phone?.ToString())],
            cancellationToken).ConfigureAwait(false);
        return matches.Count == 0 ? null : matches[0];
    }
}

internal sealed class SqlCustomerDirectory(SqlUnitOfWork unitOfWork)
    : SqlRepository<CustomerId, CustomerSnapshot, Customer>(unitOfWork, SqlTables.Customers, Customer.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICustomerDirectory
{
    public Task<IReadOnlyList<Customer>> FindAllAsync(CancellationToken cancellationToken = default) => AllAsync(cancellationToken);
}

internal sealed class SqlLeadRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<LeadId, LeadSnapshot, Lead>(unitOfWork, SqlTables.Leads, Lead.FromSnapshot, l => l.Id, l => l.ToSnapshot()),
      ILeadRepository
{
    public Task<IReadOnlyList<Lead>> FindProspectsAsync(CancellationToken cancellationToken = default) =>
        WhereAsync("stage <> @won", [("won", SqlTables.Code(LeadStage.Won))], cancellationToken);

    public Task<IReadOnlyList<Lead>> FindByCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        WhereAsync("campaign_id = @campaign", [("campaign", campaignId.Value)], cancellationToken);
}

internal sealed class SqlOrderViewRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<OrderId, OrderViewSnapshot, OrderView>(unitOfWork, SqlTables.OrderViews, OrderView.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOrderViewRepository
{
    public Task<IReadOnlyList<OrderView>> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        WhereAsync("customer_id = @customer", [("customer", customerId.Value)], cancellationToken, "submitted_at, id");

    public Task<IReadOnlyList<OrderView>> FindBySalespersonAsync(UserId salespersonId, CancellationToken cancellationToken = default) =>
        WhereAsync("salesperson_id = @salesperson", [("salesperson", salespersonId.Value)], cancellationToken, "submitted_at, id");
}

internal sealed class SqlInteractionRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<InteractionId, Interaction, Interaction>(unitOfWork, SqlTables.Interactions, i => i, i => i.Id, i => i),
      IInteractionRepository
{
    public Task<IReadOnlyList<Interaction>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default) =>
        WhereAsync(PartyCondition, PartyParameters(party), cancellationToken, "at, id");

    internal const string PartyCondition = "party_kind = @party_kind AND party_id = @party_id";

    internal static SqlParameters PartyParameters(PartyRef party) =>
        [("party_kind", SqlTables.Code(party.Kind)), ("party_id", SqlTables.PartyId(party))];
}

internal sealed class SqlFollowUpRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<FollowUpId, FollowUpSnapshot, FollowUp>(unitOfWork, SqlTables.FollowUps, FollowUp.FromSnapshot, f => f.Id, f => f.ToSnapshot()),
      IFollowUpRepository
{
    public Task<IReadOnlyList<FollowUp>> FindOpenByAssigneeAsync(UserId assigneeId, DateTimeOffset dueBefore, CancellationToken cancellationToken = default) =>
        WhereAsync(
            "assignee_id = @assignee AND status = @open AND due_at < @before",
            [("assignee", assigneeId.Value), ("open", SqlTables.Code(FollowUpStatus.Open)), ("before", dueBefore)],
            cancellationToken,
            "due_at, id");

    public Task<IReadOnlyList<FollowUp>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default) =>
        WhereAsync(SqlInteractionRepository.PartyCondition, SqlInteractionRepository.PartyParameters(party), cancellationToken, "due_at, id");
}

internal sealed class SqlOfferRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<OfferId, OfferSnapshot, Offer>(unitOfWork, SqlTables.Offers, Offer.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOfferRepository
{
    public Task<IReadOnlyList<Offer>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default) =>
        WhereAsync(SqlInteractionRepository.PartyCondition, SqlInteractionRepository.PartyParameters(party), cancellationToken, "created_at, id");

    public Task<IReadOnlyList<Offer>> FindSentExpiredAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        WhereAsync("status = @sent AND valid_until < @asOf", [("sent", SqlTables.Code(OfferStatus.Sent)), ("asOf", asOf)], cancellationToken, "valid_until, id");
}

internal sealed class SqlCampaignRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<CampaignId, CampaignSnapshot, Campaign>(unitOfWork, SqlTables.Campaigns, Campaign.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICampaignRepository;

internal sealed class SqlProductCatalogue(SqlUnitOfWork unitOfWork)
    : SqlRepository<ProductId, ProductSnapshot, Product>(unitOfWork, SqlTables.Products, Product.FromSnapshot, p => p.Id, p => p.ToSnapshot()),
      IProductCatalogue
{
    public async Task<IReadOnlyList<Product>> ListAsync(ProductSegment? segment = null, CancellationToken cancellationToken = default)
    {
        var products = segment is { } only
            ? await WhereAsync("segment = @segment", [("segment", only.Code)], cancellationToken).ConfigureAwait(false)
            : await AllAsync(cancellationToken).ConfigureAwait(false);

        // By name in the reader's culture, as the in-memory adapter: SQL collations differ per engine.
        return [.. products.OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id.Value)];
    }
}

internal sealed class SqlStockRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<ProductId, StockItemSnapshot, StockItem>(unitOfWork, SqlTables.Stock, StockItem.FromSnapshot, s => s.ProductId, s => s.ToSnapshot()),
      IStockRepository;

internal sealed class SqlOrderRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<OrderId, OrderSnapshot, Order>(unitOfWork, SqlTables.Orders, Order.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOrderRepository;

internal sealed class SqlPurchaseOrderRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<PurchaseOrderId, PurchaseOrderSnapshot, PurchaseOrder>(unitOfWork, SqlTables.PurchaseOrders, PurchaseOrder.FromSnapshot, p => p.Id, p => p.ToSnapshot()),
      IPurchaseOrderRepository
{
    public Task<IReadOnlyList<PurchaseOrder>> ListAsync(PurchaseOrderStatus? status = null, CancellationToken cancellationToken = default) =>
        status is { } only
            ? WhereAsync("status = @status", [("status", SqlTables.Code(only))], cancellationToken, "created_at, id")
            : AllAsync(cancellationToken, "created_at, id");
}

internal sealed class SqlInvoiceRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<InvoiceId, InvoiceSnapshot, Invoice>(unitOfWork, SqlTables.Invoices, Invoice.FromSnapshot, i => i.Id, i => i.ToSnapshot()),
      IInvoiceRepository
{
    public async Task<IReadOnlyList<Invoice>> ListAsync(InvoiceSettlement? settlement = null, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken, "year, sequence").ConfigureAwait(false)).Where(i => settlement is null || i.Settlement == settlement)];

    public async Task<IReadOnlyList<Invoice>> ListOverdueAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        [.. (await WhereAsync("due_date < @asOf", [("asOf", asOf)], cancellationToken, "due_date, year, sequence").ConfigureAwait(false)).Where(i => i.IsOverdue(asOf))];
}

internal sealed class SqlCreditNoteRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<InvoiceId, CreditNoteSnapshot, CreditNote>(unitOfWork, SqlTables.CreditNotes, CreditNote.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICreditNoteRepository
{
    public Task<IReadOnlyList<CreditNote>> ListForInvoiceAsync(InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        WhereAsync("invoice_id = @invoice", [("invoice", invoiceId.Value)], cancellationToken, "year, sequence");
}

/// <summary>
/// Invoice numbers from a counter row per series and year, incremented inside the unit of work's write transaction:
/// the row stays locked until the invoice commits (or rolls back, using no number), so numbers have no gap, no
/// duplicate, and follow the order of commit. The unique key on (series, year, sequence) of invoices backs it up.
/// </summary>
internal sealed class SqlInvoiceNumberSequence(SqlUnitOfWork unitOfWork) : IInvoiceNumberSequence
{
    public async Task<InvoiceNumber> NextAsync(string series, int year, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(series);
        InvalidInputException.ThrowIfLessThan(year, 1);
        return new InvoiceNumber(series, year, await unitOfWork.NextInvoiceSequenceAsync(series, year, cancellationToken).ConfigureAwait(false));
    }
}
