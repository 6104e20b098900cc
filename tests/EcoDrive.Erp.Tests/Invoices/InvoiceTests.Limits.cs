using EcoDrive.Erp.Invoices;

namespace EcoDrive.Erp.Tests.Invoices;

public sealed partial class InvoiceTests
{
    [Fact]
    public void Issue_LineAtMaxAmount_TotalsWithoutOverflow()
    {
        var invoice = InvoiceFixture.Invoice((1, Limits.MaxAmount, VatRate.FrenchStandard));

        Assert.Equal(Money.Euros(1_200_000_000m), invoice.Total);
    }

    [Fact]
    public void RecordPayment_DecimalMaxValue_ThrowsAndRecordsNothing()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));

        Assert.Equal("amount", Assert.Throws<InvalidInputException>(() => invoice.RecordPayment(Money.Euros(decimal.MaxValue), OrderBuilder.Start)).ParamName);
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void RecordPayment_ReferenceWithNul_ThrowsAndRecordsNothing()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));

        Assert.Equal("reference", Assert.Throws<InvalidInputException>(() => invoice.RecordPayment(Money.Euros(1m), OrderBuilder.Start, "VIR\u0000")).ParamName);
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void IssueCreditNote_ReasonOfTenMegabytes_ThrowsAndCreditsNothing()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));

        Assert.Equal("reason", Assert.Throws<InvalidInputException>(() => invoice.IssueCreditNote(
            InvoiceId.New(), new InvoiceNumber(InvoiceSeries.CreditNote, 2026, 1), null, new string('r', 10 * 1024 * 1024), InvoiceFixture.IssuedAt, InvoiceFixture.Options)).ParamName);
        Assert.Empty(invoice.Credits);
    }
}
