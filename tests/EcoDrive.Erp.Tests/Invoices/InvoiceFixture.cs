using EcoDrive.Core.Customers;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;

namespace EcoDrive.Erp.Tests.Invoices;

/// <summary>Shipped orders of any lines and their invoices, built through the real transitions.</summary>
internal static class InvoiceFixture
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);
    public static readonly InvoicingOptions Options = new();
    private static readonly PostalAddress s_lyon = new("12 rue des Lilas", "69003", "Lyon");

    public static Invoice Invoice(params (int Quantity, decimal UnitPrice, VatRate Rate)[] lines) =>
        Invoice(Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.Parse(null, null, s_lyon), OrderBuilder.Start), null, lines);

    public static Invoice CompanyInvoice(string? vatNumber) =>
        Invoice(Customer.CreateCompany(CustomerId.New(), "Flotte Verte SARL", ContactDetails.Parse(null, null, s_lyon), OrderBuilder.Start), vatNumber, (1, 42_000m, VatRate.FrenchStandard));

    public static Invoice Invoice(Customer customer, string? vatNumber, params (int Quantity, decimal UnitPrice, VatRate Rate)[] lines)
    {
        var products = lines.Select((l, i) => Product.Create(ProductId.New(), $"Model {i + 1}", ProductSegment.Standard[i % 3], Money.Euros(l.UnitPrice), l.Rate)).ToArray();
        var order = Order.Submit(
            OrderId.New(), customer.Id, UserId.New(), lines.Select((l, i) => new OrderLine(products[i].Id, l.Quantity, Money.Euros(l.UnitPrice), l.Rate)), OrderBuilder.Start);
        var stock = products.ToDictionary(p => p.Id, p =>
        {
            var item = StockItem.OpenFor(p.Id);
            item.Receive(100);
            return item;
        });
        StockAllocation.Allocate(order, stock, OrderBuilder.Start);
        order.StartPreparation(OrderBuilder.Warehouse, OrderBuilder.Start.AddHours(1));
        order.Ship(OrderBuilder.Warehouse, OrderBuilder.Start.AddHours(2));
        return Erp.Invoices.Invoice.Issue(
            InvoiceId.New(), new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), order, customer, products.ToDictionary(p => p.Id), Options, IssuedAt, customerVatNumber: vatNumber);
    }

    public static CreditNote Credit(Invoice invoice, params CreditLine[]? lines) =>
        invoice.IssueCreditNote(InvoiceId.New(), new InvoiceNumber(InvoiceSeries.CreditNote, 2026, invoice.Credits.Count + 1), lines, "vehicle returned", IssuedAt.AddDays(5), Options);
}
