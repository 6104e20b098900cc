using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Integration.Application;

/// <summary>Reads that an operation cannot do without: a missing aggregate is an <see cref="EntityNotFoundException"/>.</summary>
internal static class RepositoryExtensions
{
    public static async Task<Customer> RequireAsync(this ICustomerRepository repository, CustomerId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("customer", id.ToString());

    public static async Task<Lead> RequireAsync(this ILeadRepository repository, LeadId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("lead", id.ToString());

    public static async Task<OrderView> RequireAsync(this IOrderViewRepository repository, OrderId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("order", id.ToString());

    public static async Task<Order> RequireAsync(this IOrderRepository repository, OrderId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("order", id.ToString());

    public static async Task<StockItem> RequireAsync(this IStockRepository repository, ProductId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("stock", id.ToString());

    public static async Task<Invoice> RequireAsync(this IInvoiceRepository repository, InvoiceId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException("invoice", id.ToString());
}
