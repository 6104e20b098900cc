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
            InvoiceId.New(), number, order, customer, lines.Select(l => l.Product).DistinctBy(p => p.Id).ToDictionary(p => p.Id), new InvoicingOptions(), issuedAt);
    }

    /// <summary>A credit note for the whole of <paramref name="invoice"/>, recorded on it.</summary>
    /// <param name="invoice">The invoice credited; it remembers the credit note.</param>
    /// <param name="number">The credit note's number, in the <see cref="InvoiceSeries.CreditNote"/> series.</param>
    /// <param name="issuedAt">When it is issued.</param>
    public static CreditNote CreditNote(Invoice invoice, InvoiceNumber number, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.IssueCreditNote(InvoiceId.New(), number, null, "vehicle returned", issuedAt, new InvoicingOptions());
    }

    /// <summary>A call logged with a party.</summary>
    /// <param name="party">The customer or lead.</param>
    /// <param name="at">When.</param>
    public static Interaction Interaction(PartyRef party, DateTimeOffset at) =>
        Crm.Activities.Interaction.Log(InteractionId.New(), party, InteractionKind.Call, Salesperson, at, "asked for a test drive");

    /// <summary>A follow-up of a party, due at <paramref name="dueAt"/>, assigned to <paramref name="assignee"/>.</summary>
    /// <param name="party">The customer or lead.</param>
    /// <param name="assignee">Who must do it.</param>
    /// <param name="dueAt">When it is due.</param>
    public static FollowUp FollowUp(PartyRef party, UserId assignee, DateTimeOffset dueAt) =>
        Crm.Activities.FollowUp.Schedule(FollowUpId.New(), party, assignee, dueAt, "call back about the offer", Salesperson, Start);

    /// <summary>A draft offer of one product to a party, valid until <paramref name="validUntil"/>.</summary>
    /// <param name="party">The customer or lead.</param>
    /// <param name="product">The product offered.</param>
    /// <param name="validUntil">End of validity.</param>
    /// <param name="at">When it is drafted.</param>
    public static Offer Offer(PartyRef party, Product product, DateTimeOffset validUntil, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Crm.Offers.Offer.Draft(
            OfferId.New(), party, [new OfferLine(product.Id, product.Name, 1, product.ListPrice, product.VatRate, Discount.Percent(5m))], validUntil, Salesperson, at);
    }

    /// <summary>A draft e-mail campaign to the customers interested in SUVs in the Rhône.</summary>
    /// <param name="name">Its name.</param>
    public static Campaign Campaign(string name = "Spring SUV days") =>
        Crm.Campaigns.Campaign.Create(
            CampaignId.New(),
            name,
            Segment.All(Segment.InterestedIn(ProductSegment.Suv), Segment.Any(Segment.PostalCodeStartsWith("69"), Segment.OwnedBy(Salesperson)), Segment.Customers),
            CampaignChannel.Email,
            CampaignMessage.Create("{firstName}, the {model} is here", "Hello {firstName}, come and try the {model}: {offer}.", "Volt X5", "5 % off until Sunday"),
            Salesperson,
            Start);

    /// <summary>A purchase order of <paramref name="quantity"/> units of a product from a supplier, placed or not.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units ordered.</param>
    /// <param name="createdAt">When it was drafted.</param>
    /// <param name="placed">Whether it was sent to the supplier.</param>
    public static PurchaseOrder PurchaseOrder(ProductId productId, int quantity, DateTimeOffset createdAt, bool placed = false)
    {
        var order = Erp.Purchasing.PurchaseOrder.Draft(PurchaseOrderId.New(), "Volt Motors", createdAt);
        order.AddLine(productId, quantity);
        if (placed)
        {
            order.Place(createdAt.AddHours(1));
        }

        return order;
    }
}
