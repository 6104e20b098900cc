using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
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

internal sealed class SqlLeadRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<LeadId, LeadSnapshot, Lead>(unitOfWork, SqlTables.Leads, Lead.FromSnapshot, l => l.Id, l => l.ToSnapshot()),
      ILeadRepository
{
    public Task<IReadOnlyList<Lead>> FindProspectsAsync(CancellationToken cancellationToken = default) =>
        ScanAsync(l => l.Stage != LeadStage.Won, cancellationToken);

    public Task<IReadOnlyList<Lead>> FindByCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        ScanAsync(l => l.Source.CampaignId == campaignId, cancellationToken);
}

internal sealed class SqlOrderViewRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<OrderId, OrderViewSnapshot, OrderView>(unitOfWork, SqlTables.OrderViews, OrderView.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOrderViewRepository
{
    public async Task<IReadOnlyList<OrderView>> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(o => o.CustomerId == customerId, cancellationToken).ConfigureAwait(false)).OrderBy(o => o.SubmittedAt)];

    public async Task<IReadOnlyList<OrderView>> FindBySalespersonAsync(UserId salespersonId, CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(o => o.SalespersonId == salespersonId, cancellationToken).ConfigureAwait(false)).OrderBy(o => o.SubmittedAt)];
}

internal sealed class SqlProductCatalogue(SqlUnitOfWork unitOfWork)
    : SqlRepository<ProductId, ProductSnapshot, Product>(unitOfWork, SqlTables.Products, Product.FromSnapshot, p => p.Id, p => p.ToSnapshot()),
      IProductCatalogue
{
    public async Task<IReadOnlyList<Product>> ListAsync(ProductSegment? segment = null, CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(p => segment is null || p.Segment == segment, cancellationToken).ConfigureAwait(false))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id.Value)];
}

internal sealed class SqlStockRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<ProductId, StockItemSnapshot, StockItem>(unitOfWork, SqlTables.Stock, StockItem.FromSnapshot, s => s.ProductId, s => s.ToSnapshot()),
      IStockRepository;

internal sealed class SqlOrderRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<OrderId, OrderSnapshot, Order>(unitOfWork, SqlTables.Orders, Order.FromSnapshot, o => o.Id, o => o.ToSnapshot()),
      IOrderRepository;

internal sealed class SqlInvoiceRepository(SqlUnitOfWork unitOfWork)
    : SqlRepository<InvoiceId, InvoiceSnapshot, Invoice>(unitOfWork, SqlTables.Invoices, Invoice.FromSnapshot, i => i.Id, i => i.ToSnapshot()),
      IInvoiceRepository
{
    public async Task<IReadOnlyList<Invoice>> ListAsync(InvoiceSettlement? settlement = null, CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(_ => true, cancellationToken).ConfigureAwait(false))
            .Where(i => settlement is null || i.Settlement == settlement).OrderBy(i => i.Number.Year).ThenBy(i => i.Number.Sequence)];

    public async Task<IReadOnlyList<Invoice>> ListOverdueAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        [.. (await ScanAsync(i => i.DueDate < asOf, cancellationToken).ConfigureAwait(false))
            .Where(i => i.IsOverdue(asOf)).OrderBy(i => i.DueDate).ThenBy(i => i.Number.Year).ThenBy(i => i.Number.Sequence)];
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
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        return new InvoiceNumber(series, year, await unitOfWork.NextInvoiceSequenceAsync(series, year, cancellationToken).ConfigureAwait(false));
    }
}
