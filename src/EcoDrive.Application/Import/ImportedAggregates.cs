using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;

namespace EcoDrive.Application.Import;

/// <summary>The aggregates of one imported batch, built through the domain, for <see cref="IHistoryImportTransaction.WriteAsync"/> to store.</summary>
/// <param name="Customers">Customers.</param>
/// <param name="Leads">Leads.</param>
/// <param name="OrderViews">The CRM's view of each order.</param>
/// <param name="Orders">The ERP's orders.</param>
/// <param name="Invoices">Invoices, with their lines.</param>
public sealed record ImportedAggregates(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Lead> Leads,
    IReadOnlyList<OrderView> OrderViews,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<Invoice> Invoices)
{
    /// <summary>How many aggregates there are, all kinds together.</summary>
    public int Count => Customers.Count + Leads.Count + OrderViews.Count + Orders.Count + Invoices.Count;
}
