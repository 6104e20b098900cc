using EcoDrive.Core.Customers;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Tests.Invoices;

public sealed partial class InvoiceTests
{
    private static readonly InvoiceNumber s_number = new(InvoiceSeries.Invoice, 2026, 123);

    [Fact]
    public void Number_PrintsSeriesYearAndSixDigits()
    {
        Assert.Equal("FA-2026-000123", s_number.ToString());
        Assert.Equal("AV-2026-1234567", new InvoiceNumber(InvoiceSeries.CreditNote, 2026, 1_234_567).ToString());
    }

    [Fact]
    public void Issue_ShippedOrder_SnapshotsBillingIdentityLinesAndVat()
    {
        var (order, customer, products) = Shipped();

        var invoice = Issue(order, customer, products);
        customer.UpdateContact(ContactDetails.Parse(null, null, new PostalAddress("1 avenue Foch", "75016", "Paris")));

        Assert.Equal("12 rue des Lilas, 69003 Lyon, FR", invoice.BillTo.Address.ToString());
        Assert.Equal("Camille Martin", invoice.BillTo.Name);
        var line = Assert.Single(invoice.Lines);
        Assert.Equal("Volt X5 SUV", line.Description);
        Assert.Equal(ProductSegment.Suv, line.Segment);
        Assert.Equal(Money.Euros(42_000m), invoice.Vat.TotalNet);
        Assert.Equal(Money.Euros(8_400m), invoice.Vat.TotalVat);
        Assert.Equal(Money.Euros(50_400m), invoice.Total);
        Assert.Equal(new DateOnly(2026, 3, 10), invoice.IssueDate);
        Assert.Equal(new DateOnly(2026, 4, 9), invoice.DueDate);
    }

    [Fact]
    public void Issue_OrderNotShipped_IsRefused()
    {
        var (_, customer, products) = Shipped();
        var confirmed = new OrderBuilder().Build(OrderStatus.Confirmed);

        var error = Assert.Throws<DomainException>(() => Issue(confirmed, customer, products, confirmed.CustomerId));

        Assert.Equal("invoice.order-not-shipped", error.Code);
        Assert.Contains("Confirmed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_CustomerWithoutBillingAddress_IsRefusedNamingWhatIsMissing()
    {
        var (order, _, products) = Shipped();
        var customer = Customer.CreateIndividual(order.CustomerId, "Camille", "Martin", ContactDetails.None, OrderBuilder.Start);

        var error = Assert.Throws<DomainException>(() => Issue(order, customer, products));

        Assert.Equal("invoice.customer-incomplete", error.Code);
        Assert.Contains("billing address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordPayment_PartialThenRest_SettlesTheBalance()
    {
        var (order, customer, products) = Shipped();
        var invoice = Issue(order, customer, products);

        invoice.RecordPayment(Money.Euros(10_000m), OrderBuilder.Start.AddDays(9));
        Assert.Equal(Money.Euros(40_400m), invoice.Balance);
        Assert.False(invoice.IsPaid);

        invoice.RecordPayment(Money.Euros(40_400m), OrderBuilder.Start.AddDays(20), "VIR-2026-77");
        Assert.True(invoice.IsPaid);
        Assert.Equal(2, invoice.Payments.Count);
    }

    [Fact]
    public void RecordPayment_MoreThanDue_IsRefusedAndChangesNothing()
    {
        var (order, customer, products) = Shipped();
        var invoice = Issue(order, customer, products);
        invoice.RecordPayment(Money.Euros(50_000m), OrderBuilder.Start.AddDays(9));

        var error = Assert.Throws<DomainException>(() => invoice.RecordPayment(Money.Euros(400.01m), OrderBuilder.Start.AddDays(10)));

        Assert.Equal("invoice.overpayment", error.Code);
        Assert.Contains("400.00 EUR", error.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Euros(400m), invoice.Balance);
        Assert.Single(invoice.Payments);
    }

    [Fact]
    public void RecordPayment_ZeroAmount_ThrowsNamingParameter()
    {
        var (order, customer, products) = Shipped();
        var invoice = Issue(order, customer, products);

        var error = Assert.Throws<InvalidInputException>(() => invoice.RecordPayment(Money.Euros(0m), OrderBuilder.Start));

        Assert.Equal("amount", error.ParamName);
    }

    private static Invoice Issue(Order order, Customer customer, Dictionary<ProductId, Product> products, CustomerId? customerId = null)
    {
        if (customerId is { } id && id != customer.Id)
        {
            customer = Customer.CreateIndividual(id, "Camille", "Martin", ContactDetails.Parse(null, null, customer.BillingAddress), OrderBuilder.Start);
        }

        return Invoice.Issue(InvoiceId.New(), s_number, order, customer, products, new InvoicingOptions(), new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero), PaymentTerms.Net30);
    }

    private static (Order Order, Customer Customer, Dictionary<ProductId, Product> Products) Shipped()
    {
        var order = new OrderBuilder().Build(OrderStatus.Shipped);
        var customer = Customer.CreateIndividual(
            order.CustomerId, "Camille", "Martin", ContactDetails.Parse("camille@example.fr", null, new PostalAddress("12 rue des Lilas", "69003", "Lyon")), OrderBuilder.Start);
        var product = Product.Create(OrderBuilder.Suv, "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard);
        return (order, customer, new Dictionary<ProductId, Product> { [product.Id] = product });
    }
}
