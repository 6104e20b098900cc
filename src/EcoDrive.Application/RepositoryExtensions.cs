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

namespace EcoDrive.Application;

/// <summary>Reads that an operation cannot do without: a missing aggregate is an <see cref="EntityNotFoundException"/>.</summary>
internal static class RepositoryExtensions
{
    public static async Task<Customer> RequireAsync(this ICustomerRepository repository, CustomerId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Customer.NotFound, id.ToString());

    public static async Task<Lead> RequireAsync(this ILeadRepository repository, LeadId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Lead.NotFound, id.ToString());

    public static async Task<OrderView> RequireAsync(this IOrderViewRepository repository, OrderId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Order.NotFound, id.ToString());

    public static async Task<Order> RequireAsync(this IOrderRepository repository, OrderId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Order.NotFound, id.ToString());

    public static async Task<Product> RequireAsync(this IProductCatalogue catalogue, ProductId id, CancellationToken cancellationToken) =>
        await catalogue.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Product.NotFound, id.ToString());

    public static async Task<PurchaseOrder> RequireAsync(this IPurchaseOrderRepository repository, PurchaseOrderId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.PurchaseOrder.NotFound, id.ToString());

    public static async Task<StockItem> RequireAsync(this IStockRepository repository, ProductId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Stock.NotFound, id.ToString());

    /// <summary>The stock items of <paramref name="productIds"/> that exist, by product; each product is read once.</summary>
    public static async Task<Dictionary<ProductId, StockItem>> FindManyAsync(this IStockRepository repository, IEnumerable<ProductId> productIds, CancellationToken cancellationToken)
    {
        var items = new Dictionary<ProductId, StockItem>();
        foreach (var productId in productIds.Distinct().ToArray())
        {
            if (await repository.FindAsync(productId, cancellationToken).ConfigureAwait(false) is { } item)
            {
                items.Add(productId, item);
            }
        }

        return items;
    }

    public static async Task<Invoice> RequireAsync(this IInvoiceRepository repository, InvoiceId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Invoice.NotFound, id.ToString());

    public static async Task<FollowUp> RequireAsync(this IFollowUpRepository repository, FollowUpId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.FollowUp.NotFound, id.ToString());

    public static async Task<Offer> RequireAsync(this IOfferRepository repository, OfferId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Offer.NotFound, id.ToString());

    public static async Task<Campaign> RequireAsync(this ICampaignRepository repository, CampaignId id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(ErrorCodes.Campaign.NotFound, id.ToString());

    /// <summary>Throws unless the customer or lead that <paramref name="party"/> names exists.</summary>
    public static async Task RequirePartyAsync(ICustomerRepository customers, ILeadRepository leads, PartyRef party, CancellationToken cancellationToken)
    {
        PartyRef.Require(party, nameof(party));
        if (party.CustomerId is { } customerId)
        {
            _ = await customers.RequireAsync(customerId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _ = await leads.RequireAsync(party.LeadId!.Value, cancellationToken).ConfigureAwait(false);
        }
    }
}
