using EcoDrive.Core.Customers;
using EcoDrive.Erp.Invoices;

namespace EcoDrive.Erp.Tests.Invoices;

public sealed partial class InvoiceTests
{
    [Fact]
    public void Issue_ToACompany_HoldsEveryMandatoryFrenchMention()
    {
        var invoice = InvoiceFixture.CompanyInvoice("fr 07 852419670");

        Assert.Equal(InvoicingOptions.SampleSeller, invoice.Seller);
        Assert.Equal(("EcoDrive Démo SAS", "123456782", "FR11123456782"), (invoice.Seller.LegalName, invoice.Seller.Siren, invoice.Seller.VatNumber));
        Assert.Equal("1 place Bellecour, 69002 Lyon, FR", invoice.Seller.Address.ToString());
        Assert.Equal(("Flotte Verte SARL", "FR07852419670"), (invoice.BillTo.Name, invoice.BillTo.VatNumber));
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 9)), (invoice.IssueDate, invoice.DueDate));
        Assert.Equal(12.15m, invoice.LatePayment.PenaltyRate);
        Assert.Equal(Money.Euros(40m), invoice.LatePayment.FixedRecoveryFee);
    }

    [Fact]
    public void Issue_WithVatNumberForAPrivatePerson_ThrowsNamingParameter()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.Parse(null, null, new PostalAddress("1 rue Neuve", "69001", "Lyon")), OrderBuilder.Start);

        var error = Assert.Throws<InvalidInputException>(() => InvoiceFixture.Invoice(customer, "FR07852419670", (1, 42_000m, VatRate.FrenchStandard)));

        Assert.Equal("customerVatNumber", error.ParamName);
    }

    [Fact]
    public void Issue_WithMalformedCustomerVatNumber_ThrowsNamingParameter() =>
        Assert.Equal("customerVatNumber", Assert.Throws<InvalidInputException>(() => InvoiceFixture.CompanyInvoice("FR00852419670")).ParamName);

    [Fact]
    public void Issue_JustAfterMidnightInParisOnNewYearsDay_IsDatedInTheNewYear()
    {
        var options = new InvoicingOptions();

        Assert.Equal(new DateOnly(2027, 1, 1), options.DateOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 1), options.DateOf(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Issue_ALaterChangeOfOptions_DoesNotAlterIssuedInvoices()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));
        var options = new InvoicingOptions { LatePaymentPenaltyRate = 20m };

        Assert.Equal(12.15m, invoice.LatePayment.PenaltyRate);
        Assert.Equal(20m, options.LatePaymentTerms().PenaltyRate);
    }

    [Theory]
    [InlineData(30, false, "2026-03-10", "2026-04-09")]
    [InlineData(0, false, "2026-03-10", "2026-03-10")]
    [InlineData(45, true, "2026-03-10", "2026-04-30")]
    [InlineData(45, true, "2026-01-20", "2026-03-31")]
    [InlineData(60, false, "2026-12-15", "2027-02-13")]
    public void DueDate_FollowsThePaymentTerms(int days, bool endOfMonth, string issued, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new PaymentTerms(days, endOfMonth).DueDate(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void PaymentTerms_NegativeDays_ThrowsNamingParameter() =>
        Assert.Equal("days", Assert.Throws<InvalidInputException>(() => new PaymentTerms(-1)).ParamName);

    [Fact]
    public void Settlement_MovesFromUnpaidToPartiallyPaidToPaid_AndOverdueOnlyWhileDuePastTheDueDate()
    {
        var invoice = InvoiceFixture.Invoice((1, 1_000m, VatRate.FrenchStandard));
        var dayAfterDue = invoice.DueDate.AddDays(1);

        Assert.Equal(InvoiceSettlement.Unpaid, invoice.Settlement);
        Assert.False(invoice.IsOverdue(invoice.DueDate));
        Assert.True(invoice.IsOverdue(dayAfterDue));

        invoice.RecordPayment(Money.Euros(200m), InvoiceFixture.IssuedAt.AddDays(3));
        Assert.Equal(InvoiceSettlement.PartiallyPaid, invoice.Settlement);
        Assert.True(invoice.IsOverdue(dayAfterDue));

        invoice.RecordPayment(Money.Euros(1_000m), InvoiceFixture.IssuedAt.AddDays(40));
        Assert.Equal(InvoiceSettlement.Paid, invoice.Settlement);
        Assert.False(invoice.IsOverdue(dayAfterDue));
    }
}
