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

namespace EcoDrive.Storage.InMemory;

/// <summary>Find, add and update of one aggregate kind over its table, through the scope's unit of work.</summary>
internal abstract class InMemoryRepository<TKey, TSnapshot, TAggregate>(
    InMemoryUnitOfWork unitOfWork,
    InMemoryTable<TKey, TSnapshot> table,
    Func<TSnapshot, TAggregate> restore,
    Func<TAggregate, TKey> keyOf,
    Func<TAggregate, TSnapshot> snapshotOf)
    where TKey : notnull
    where TAggregate : class
{
    public Task<TAggregate?> FindAsync(TKey id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(table, id, restore));

    public void Add(TAggregate aggregate) => unitOfWork.Add(table, keyOf(aggregate), aggregate, () => snapshotOf(aggregate));

    public void Update(TAggregate aggregate) => unitOfWork.Update(table, keyOf(aggregate), aggregate, () => snapshotOf(aggregate));

    protected IReadOnlyList<TKey> KeysWhere(Func<TSnapshot, bool> predicate) => unitOfWork.KeysWhere(table, predicate);

    /// <summary>The committed aggregates whose snapshot matches, read through the unit of work (identity map, version checks).</summary>
    protected IEnumerable<TAggregate> FindWhere(Func<TSnapshot, bool> predicate) =>
        KeysWhere(predicate).Select(key => unitOfWork.Find(table, key, restore)).OfType<TAggregate>();

    /// <summary>The committed aggregates whose snapshot satisfies <paramref name="predicate"/>, read through the unit of work (identity map, version checks), ordered by <paramref name="orderBy"/>.</summary>
    protected Task<IReadOnlyList<TAggregate>> FindWhereAsync<TOrder>(Func<TSnapshot, bool> predicate, Func<TAggregate, TOrder> orderBy) =>
        Task.FromResult<IReadOnlyList<TAggregate>>(
            [.. KeysWhere(predicate).Select(key => unitOfWork.Find(table, key, restore)).OfType<TAggregate>().OrderBy(orderBy)]);
}

internal sealed class InMemoryCustomerRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<CustomerId, CustomerSnapshot, Customer>(unitOfWork, database.Customers, Customer.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICustomerRepository
{
    public Task<Customer?> FindByContactAsync(ContactDetails contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var matches = KeysWhere(c => (c.Email is not null && c.Email == contact.Email) || (c.Phone is not null && c.Phone == contact.Phone));
        return matches.Count == 0 ? Task.FromResult<Customer?>(null) : FindAsync(matches.MinBy(id => id.Value), cancellationToken);
    }
}

internal sealed class InMemoryCustomerDirectory(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<CustomerId, CustomerSnapshot, Customer>(unitOfWork, database.Customers, Customer.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICustomerDirectory
{
    public Task<IReadOnlyList<Customer>> FindAllAsync(CancellationToken cancellationToken = default) => FindWhereAsync(_ => true, c => c.Id.Value);
}

internal sealed class InMemoryLeadRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<LeadId, LeadSnapshot, Lead>(unitOfWork, database.Leads, Lead.FromSnapshot, l => l.Id, l => l.ToSnapshot()),
      ILeadRepository
{
    public Task<IReadOnlyList<Lead>> FindProspectsAsync(CancellationToken cancellationToken = default) =>
        FindWhereAsync(l => l.Stage != LeadStage.Won, l => l.Id.Value);

    public Task<IReadOnlyList<Lead>> FindByCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        FindWhereAsync(l => l.Source.CampaignId == campaignId, l => l.Id.Value);
}

internal sealed class InMemoryOrderViewRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<OrderId, OrderViewSnapshot, OrderView>(unitOfWork, database.OrderViews, OrderView.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOrderViewRepository
{
    public Task<IReadOnlyList<OrderView>> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        FindWhereAsync(o => o.CustomerId == customerId, o => o.SubmittedAt);

    public Task<IReadOnlyList<OrderView>> FindBySalespersonAsync(UserId salespersonId, CancellationToken cancellationToken = default) =>
        FindWhereAsync(o => o.SalespersonId == salespersonId, o => o.SubmittedAt);
}

internal sealed class InMemoryInteractionRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<InteractionId, Interaction, Interaction>(unitOfWork, database.Interactions, i => i, i => i.Id, i => i),
      IInteractionRepository
{
    public Task<IReadOnlyList<Interaction>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default) =>
        FindWhereAsync(i => i.Party == party, i => i.At);
}

internal sealed class InMemoryFollowUpRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<FollowUpId, FollowUpSnapshot, FollowUp>(unitOfWork, database.FollowUps, FollowUp.FromSnapshot, f => f.Id, f => f.ToSnapshot()),
      IFollowUpRepository
{
    public Task<IReadOnlyList<FollowUp>> FindOpenByAssigneeAsync(UserId assigneeId, DateTimeOffset dueBefore, CancellationToken cancellationToken = default) =>
        FindWhereAsync(f => f.AssigneeId == assigneeId && f.Status == FollowUpStatus.Open && f.DueAt < dueBefore, f => f.DueAt);

    public Task<IReadOnlyList<FollowUp>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default) =>
        FindWhereAsync(f => f.Party == party, f => f.DueAt);
}

internal sealed class InMemoryOfferRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<OfferId, OfferSnapshot, Offer>(unitOfWork, database.Offers, Offer.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOfferRepository
{
    public Task<IReadOnlyList<Offer>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default) =>
        FindWhereAsync(o => o.Party == party, o => o.History[0].At);

    public Task<IReadOnlyList<Offer>> FindSentExpiredAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        FindWhereAsync(o => o.Status == OfferStatus.Sent && o.ValidUntil < asOf, o => o.ValidUntil);
}

internal sealed class InMemoryCampaignRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<CampaignId, CampaignSnapshot, Campaign>(unitOfWork, database.Campaigns, Campaign.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICampaignRepository;

internal sealed class InMemoryProductCatalogue(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<ProductId, ProductSnapshot, Product>(unitOfWork, database.Products, Product.FromSnapshot, p => p.Id, p => p.ToSnapshot()),
      IProductCatalogue
{
    public Task<IReadOnlyList<Product>> ListAsync(ProductSegment? segment = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Product>>(
            [.. FindWhere(p => segment is null || p.Segment == segment).OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id.Value)]);
}

internal sealed class InMemoryStockRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<ProductId, StockItemSnapshot, StockItem>(unitOfWork, database.Stock, StockItem.FromSnapshot, s => s.ProductId, s => s.ToSnapshot()),
      IStockRepository;

internal sealed class InMemoryOrderRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<OrderId, OrderSnapshot, Order>(unitOfWork, database.Orders, Order.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOrderRepository;

internal sealed class InMemoryInvoiceRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<InvoiceId, InvoiceSnapshot, Invoice>(unitOfWork, database.Invoices, Invoice.FromSnapshot, i => i.Id, i => i.ToSnapshot()),
      IInvoiceRepository
{
    public Task<IReadOnlyList<Invoice>> ListAsync(InvoiceSettlement? settlement = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Invoice>>(
            [.. FindWhere(_ => true).Where(i => settlement is null || i.Settlement == settlement).OrderBy(i => i.Number.Year).ThenBy(i => i.Number.Sequence)]);

    public Task<IReadOnlyList<Invoice>> ListOverdueAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Invoice>>(
            [.. FindWhere(i => i.DueDate < asOf).Where(i => i.IsOverdue(asOf)).OrderBy(i => i.DueDate).ThenBy(i => i.Number.Year).ThenBy(i => i.Number.Sequence)]);
}

internal sealed class InMemoryCreditNoteRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<InvoiceId, CreditNoteSnapshot, CreditNote>(unitOfWork, database.CreditNotes, CreditNote.FromSnapshot, c => c.Id, c => c.ToSnapshot()),
      ICreditNoteRepository
{
    public Task<IReadOnlyList<CreditNote>> ListForInvoiceAsync(InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CreditNote>>(
            [.. FindWhere(c => c.InvoiceId == invoiceId).OrderBy(c => c.Number.Year).ThenBy(c => c.Number.Sequence)]);
}

internal sealed class InMemoryPurchaseOrderRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork)
    : InMemoryRepository<PurchaseOrderId, PurchaseOrderSnapshot, PurchaseOrder>(
        unitOfWork, database.PurchaseOrders, PurchaseOrder.FromSnapshot, p => p.Id, p => p.ToSnapshot()),
      IPurchaseOrderRepository
{
    public Task<IReadOnlyList<PurchaseOrder>> ListAsync(PurchaseOrderStatus? status = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PurchaseOrder>>(
            [.. FindWhere(p => status is null || p.Status == status).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id.Value)]);
}

/// <summary>
/// Invoice numbers from a counter row per series and year, written in the same unit of work as the invoice: two
/// concurrent issues cannot both commit the same number, and a rolled-back issue uses none.
/// </summary>
internal sealed class InMemoryInvoiceNumberSequence(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IInvoiceNumberSequence
{
    public Task<InvoiceNumber> NextAsync(string series, int year, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(series);
        var key = (series, year);
        var counter = unitOfWork.Find(database.InvoiceCounters, key, last => new Counter(last));
        if (counter is null)
        {
            counter = new Counter(0);
            unitOfWork.Add(database.InvoiceCounters, key, counter, () => counter.Last);
        }
        else
        {
            unitOfWork.Update(database.InvoiceCounters, key, counter, () => counter.Last);
        }

        counter.Last++;
        return Task.FromResult(new InvoiceNumber(series, year, counter.Last));
    }

    private sealed class Counter(long last)
    {
        public long Last { get; set; } = last;
    }
}
