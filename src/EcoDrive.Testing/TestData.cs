using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Testing;

/// <summary>
/// Builders of valid aggregates for storage tests, each made through the domain's own operations. Every call makes
/// new ids (and a new e-mail address for customers), so tests never collide.
/// </summary>
public static class TestData
{
    /// <summary>The instant test clocks start at: Monday 2 March 2026, 08:00 UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A salesperson who owns leads and records orders.</summary>
    public static UserId Salesperson { get; } = UserId.New();

    /// <summary>A warehouse worker who moves orders.</summary>
    public static UserId Warehouse { get; } = UserId.New();

    /// <summary>A billing address in Lyon.</summary>
    public static PostalAddress Address { get; } = new("12 rue des Lilas", "69003", "Lyon");

    /// <summary>A private customer with an e-mail address of their own and a billing address.</summary>
    /// <param name="phone">A phone number, as typed (e.g. <c>06 12 34 56 78</c>), or none.</param>
    /// <param name="createdAt">Creation time; <see cref="Start"/> by default.</param>
    public static Customer Customer(string? phone = null, DateTimeOffset? createdAt = null) =>
        EcoDrive.Core.Customers.Customer.CreateIndividual(
            CustomerId.New(), "Camille", "Martin", ContactDetails.Parse($"camille.{Guid.NewGuid():N}@example.fr", phone, Address), createdAt ?? Start);

    /// <summary>A new lead.</summary>
    /// <param name="createdAt">When it was captured.</param>
    /// <param name="channel">Where it came from.</param>
    /// <param name="owner">Its salesperson, or none.</param>
    public static Lead Lead(DateTimeOffset createdAt, LeadChannel channel = LeadChannel.Showroom, UserId? owner = null) =>
        EcoDrive.Crm.Leads.Lead.Capture(
            LeadId.New(), "Louis", "Bernard", ContactDetails.Parse($"louis.{Guid.NewGuid():N}@example.fr", null),
            LeadSource.From(channel), [ProductSegment.Suv], owner, createdAt);

    /// <summary>A product of the catalogue.</summary>
    /// <param name="segment">Its segment.</param>
    /// <param name="price">Its list price in euros, VAT excluded.</param>
    public static Product Product(ProductSegment segment, decimal price = 42_000m) =>
        EcoDrive.Erp.Catalogue.Product.Create(ProductId.New(), $"Volt {segment}", segment, Money.Euros(price), VatRate.FrenchStandard);

    /// <summary>The stock of a product with units on hand.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="onHand">Units on hand; zero opens an empty stock.</param>
    public static StockItem Stock(ProductId productId, int onHand)
    {
        var item = StockItem.OpenFor(productId);
        if (onHand > 0)
        {
            item.Receive(onHand);
        }

        return item;
    }

    /// <summary>An order line at the product's list price.</summary>
    /// <param name="product">The product.</param>
    /// <param name="quantity">Units.</param>
    public static OrderLine Line(Product product, int quantity = 1)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new OrderLine(product.Id, quantity, product.ListPrice, product.VatRate);
    }

    /// <summary>The CRM's view of a newly submitted order.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="lines">What is ordered.</param>
    /// <param name="submittedAt">When.</param>
    public static OrderView OrderView(CustomerId customerId, IReadOnlyList<OrderLine> lines, DateTimeOffset submittedAt) =>
        Crm.Orders.OrderView.Record(OrderId.New(), customerId, Salesperson, lines, submittedAt);

    /// <summary>
    /// An ERP order moved to <paramref name="status"/> through its real transitions, one minute apart from
    /// <paramref name="submittedAt"/>; the stock it reserves on the way is taken from a throw-away stock item.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="lines">What is ordered.</param>
    /// <param name="status">The status to reach: any but <see cref="OrderStatus.Invoiced"/> and <see cref="OrderStatus.Paid"/> (use <see cref="Invoice"/>).</param>
    /// <param name="submittedAt">When it was submitted.</param>
    public static Order Order(CustomerId customerId, IReadOnlyList<OrderLine> lines, OrderStatus status, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var order = Erp.Orders.Order.Submit(OrderId.New(), customerId, Salesperson, lines, submittedAt);
        var at = submittedAt;
        switch (status)
        {
            case OrderStatus.Submitted:
                break;
            case OrderStatus.Backordered:
                order.Backorder(null, at.AddMinutes(1));
                break;
            case OrderStatus.Rejected:
                order.Reject("unknown product", null, at.AddMinutes(1));
                break;
            case OrderStatus.Cancelled:
                order.Cancel("customer changed their mind", Warehouse, at.AddMinutes(1));
                break;
            case OrderStatus.Confirmed or OrderStatus.InPreparation or OrderStatus.Shipped:
                var stock = lines.Select(l => l.ProductId).Distinct().ToDictionary(p => p, p => Stock(p, lines.Where(l => l.ProductId == p).Sum(l => l.Quantity)));
                order.Confirm(StockAllocation.Reserve(order.Id, order.Lines, stock), null, at = at.AddMinutes(1));
                if (status != OrderStatus.Confirmed)
                {
                    order.StartPreparation(Warehouse, at = at.AddMinutes(1));
                }

                if (status == OrderStatus.Shipped)
                {
                    order.Ship(Warehouse, at.AddMinutes(1));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Build invoiced and paid orders with TestData.Invoice.");
        }

        order.TakeDomainEvents();
        return order;
    }

    /// <summary>The invoice of a shipped order for <paramref name="customer"/> of the given products.</summary>
    /// <param name="customer">The customer; needs a billing address.</param>
    /// <param name="number">The invoice's number.</param>
    /// <param name="issuedAt">When it is issued.</param>
    /// <param name="lines">Products and quantities.</param>
    public static Invoice Invoice(Customer customer, InvoiceNumber number, DateTimeOffset issuedAt, params (Product Product, int Quantity)[] lines)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(lines);
        var order = Order(customer.Id, [.. lines.Select(l => Line(l.Product, l.Quantity))], OrderStatus.Shipped, issuedAt.AddDays(-1));
        return Erp.Invoices.Invoice.Issue(
            InvoiceId.New(), number, order, customer, lines.Select(l => l.Product).DistinctBy(p => p.Id).ToDictionary(p => p.Id), new InvoicingOptions(), issuedAt, PaymentTerms.Net30);
    }
}
