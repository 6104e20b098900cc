using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Application.Import;

/// <summary>
/// One slice of the history of a previous system, imported in one transaction by
/// <see cref="Application.HistoryImportService.ImportAsync(Core.Access.User, HistoryBatch, CancellationToken)"/>: customers, the leads that came to them (or not), and
/// orders with their status history and invoices. Thousands of each per batch is the fast path.
/// </summary>
/// <remarks>
/// Customers and leads are built with their domain factories and methods (<see cref="Customer.CreateIndividual"/>,
/// <see cref="Lead.Capture"/>, <see cref="Lead.Win"/>, …), which check their rules as usual. Orders are described
/// (<see cref="ImportedOrder"/>) and replayed through the order's state machine by the import, because an invoice takes
/// its number from the store during the import. An order or a won lead may name a customer of the same batch or one
/// already stored.
/// </remarks>
public sealed record HistoryBatch
{
    /// <summary>Creates a batch.</summary>
    /// <param name="customers">Customers to import.</param>
    /// <param name="leads">Leads to import, at any stage.</param>
    /// <param name="orders">Orders to import, each with its status history.</param>
    /// <exception cref="ArgumentNullException">A list, or an item of one, is null.</exception>
    public HistoryBatch(IEnumerable<Customer> customers, IEnumerable<Lead> leads, IEnumerable<ImportedOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(orders);
        Customers = [.. customers];
        Leads = [.. leads];
        Orders = [.. orders];
        if (Customers.Contains(null!) || Leads.Contains(null!) || Orders.Contains(null!))
        {
            throw new ArgumentNullException(nameof(customers), "A batch cannot hold a null customer, lead or order.");
        }
    }

    /// <summary>Customers.</summary>
    public IReadOnlyList<Customer> Customers { get; }

    /// <summary>Leads.</summary>
    public IReadOnlyList<Lead> Leads { get; }

    /// <summary>Orders.</summary>
    public IReadOnlyList<ImportedOrder> Orders { get; }
}
