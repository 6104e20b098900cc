using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Storage.InMemory;

internal sealed class InMemoryCustomerRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : ICustomerRepository
{
    public Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.Customers, id, Customer.FromSnapshot));

    public Task<Customer?> FindByContactAsync(ContactDetails contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var match = unitOfWork.KeysWhere(database.Customers, c =>
            (c.Email is not null && c.Email == contact.Email) || (c.Phone is not null && c.Phone == contact.Phone));
        return match.Count == 0 ? Task.FromResult<Customer?>(null) : FindAsync(match.Min(), cancellationToken);
    }

    public void Add(Customer customer) => unitOfWork.Add(database.Customers, customer.Id, customer, customer.ToSnapshot);

    public void Update(Customer customer) => unitOfWork.Update(database.Customers, customer.Id, customer, customer.ToSnapshot);
}

internal sealed class InMemoryLeadRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : ILeadRepository
{
    public Task<Lead?> FindAsync(LeadId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.Leads, id, Lead.FromSnapshot));

    public void Add(Lead lead) => unitOfWork.Add(database.Leads, lead.Id, lead, lead.ToSnapshot);

    public void Update(Lead lead) => unitOfWork.Update(database.Leads, lead.Id, lead, lead.ToSnapshot);
}

internal sealed class InMemoryOrderViewRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IOrderViewRepository
{
    public Task<OrderView?> FindAsync(OrderId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.OrderViews, id, OrderView.FromSnapshot));

    public void Add(OrderView order) => unitOfWork.Add(database.OrderViews, order.Id, order, order.ToSnapshot);

    public void Update(OrderView order) => unitOfWork.Update(database.OrderViews, order.Id, order, order.ToSnapshot);
}

internal sealed class InMemoryProductCatalogue(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IProductCatalogue
{
    public Task<Product?> FindAsync(ProductId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.Products, id, Product.FromSnapshot));

    public void Add(Product product) => unitOfWork.Add(database.Products, product.Id, product, product.ToSnapshot);
}

internal sealed class InMemoryStockRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IStockRepository
{
    public Task<StockItem?> FindAsync(ProductId productId, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.Stock, productId, StockItem.FromSnapshot));

    public void Add(StockItem item) => unitOfWork.Add(database.Stock, item.ProductId, item, item.ToSnapshot);

    public void Update(StockItem item) => unitOfWork.Update(database.Stock, item.ProductId, item, item.ToSnapshot);
}

internal sealed class InMemoryOrderRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IOrderRepository
{
    public Task<Order?> FindAsync(OrderId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.Orders, id, Order.FromSnapshot));

    public void Add(Order order) => unitOfWork.Add(database.Orders, order.Id, order, order.ToSnapshot);

    public void Update(Order order) => unitOfWork.Update(database.Orders, order.Id, order, order.ToSnapshot);
}

internal sealed class InMemoryInvoiceRepository(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IInvoiceRepository
{
    public Task<Invoice?> FindAsync(InvoiceId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(unitOfWork.Find(database.Invoices, id, Invoice.FromSnapshot));

    public void Add(Invoice invoice) => unitOfWork.Add(database.Invoices, invoice.Id, invoice, invoice.ToSnapshot);

    public void Update(Invoice invoice) => unitOfWork.Update(database.Invoices, invoice.Id, invoice, invoice.ToSnapshot);
}

/// <summary>
/// Invoice numbers from a counter row per series and year, written in the same unit of work as the invoice: two
/// concurrent issues cannot both commit the same number, and a rolled-back issue uses none.
/// </summary>
internal sealed class InMemoryInvoiceNumberSequence(InMemoryDatabase database, InMemoryUnitOfWork unitOfWork) : IInvoiceNumberSequence
{
    public Task<InvoiceNumber> NextAsync(string series, int year, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
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
