using EcoDrive.Erp.Invoices;

namespace EcoDrive.Erp.Tests.Invoices;

public sealed class CreditNoteTests
{
    [Fact]
    public void IssueCreditNote_Full_CreditsEveryLineReferencesTheInvoiceAndLeavesItUnchanged()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard), (2, 350m, VatRate.FrenchIntermediate));
        var before = invoice.ToSnapshot();

        var credit = InvoiceFixture.Credit(invoice, null);

        Assert.Equal("AV-2026-000001", credit.Number.ToString());
        Assert.Equal((invoice.Id, "FA-2026-000001"), (credit.InvoiceId, credit.InvoiceNumber.ToString()));
        Assert.Equal((invoice.Seller, invoice.BillTo, "vehicle returned"), (credit.Seller, credit.BillTo, credit.Reason));
        Assert.Equal(invoice.Lines, credit.Lines.Select(l => l.Line));
        Assert.Equal([1, 2], credit.Lines.Select(l => l.InvoiceLine));
        Assert.Equal(invoice.Total, credit.Total);
        Assert.Equal(InvoiceSettlement.Paid, invoice.Settlement);
        Assert.True(invoice.Balance.IsZero);
        var after = invoice.ToSnapshot();
        Assert.Equal(
            (before.Number, before.Seller, before.BillTo, before.IssueDate, before.DueDate, before.LatePayment, before.Lines),
            (after.Number, after.Seller, after.BillTo, after.IssueDate, after.DueDate, after.LatePayment, after.Lines));
        Assert.Equal(credit.Id, Assert.Single(invoice.Credits).CreditNoteId);
    }

    [Fact]
    public void IssueCreditNote_PartialThenRest_CreditsExactlyTheInvoiceAndThenNothingIsLeft()
    {
        var invoice = InvoiceFixture.Invoice((3, 8.15m, VatRate.FrenchIntermediate), (1, 42_000m, VatRate.FrenchStandard));
        InvoiceFixture.Credit(invoice, new CreditLine(1, 1), new CreditLine(2, 1, Money.Euros(500m)));

        var rest = InvoiceFixture.Credit(invoice, null);

        Assert.Equal([(1, 2, 8.15m), (2, 1, 41_500m)], rest.Lines.Select(l => (l.InvoiceLine, l.Line.Quantity, l.Line.UnitPrice.Amount)));
        Assert.Equal("AV-2026-000002", rest.Number.ToString());
        Assert.True(invoice.Balance.IsZero);
        var error = Assert.Throws<DomainException>(() => InvoiceFixture.Credit(invoice, null));
        Assert.Equal("credit-note.exceeds-invoice", error.Code);
        Assert.Equal(2, invoice.Credits.Count);
    }

    [Fact]
    public void IssueCreditNote_MoreThanWhatIsLeftOnALine_IsRefusedAndChangesNothing()
    {
        var invoice = InvoiceFixture.Invoice((2, 20_000m, VatRate.FrenchStandard));
        InvoiceFixture.Credit(invoice, new CreditLine(1, 1));

        var error = Assert.Throws<DomainException>(() => InvoiceFixture.Credit(invoice, new CreditLine(1, 1), new CreditLine(1, 1, Money.Euros(0.01m))));

        Assert.Equal("credit-note.exceeds-invoice", error.Code);
        Assert.Contains("only 20000.00 EUR of its 40000.00 EUR is left", error.Message, StringComparison.Ordinal);
        Assert.Single(invoice.Credits);
        Assert.Equal(Money.Euros(24_000m), invoice.Balance);
    }

    [Fact]
    public void IssueCreditNote_AfterFullPayment_LeavesARefundDue()
    {
        var invoice = InvoiceFixture.Invoice((1, 1_000m, VatRate.FrenchStandard));
        invoice.RecordPayment(invoice.Total, InvoiceFixture.IssuedAt.AddDays(1));

        InvoiceFixture.Credit(invoice, new CreditLine(1, 1, Money.Euros(100m)));

        Assert.Equal(Money.Euros(-120m), invoice.Balance);
        Assert.Equal(Money.Euros(120m), invoice.RefundDue);
        Assert.True(invoice.AmountDue.IsZero);
        Assert.Equal("invoice.overpayment", Assert.Throws<DomainException>(() => invoice.RecordPayment(Money.Euros(1m), InvoiceFixture.IssuedAt.AddDays(2))).Code);
    }

    [Fact]
    public void IssueCreditNote_ThatSettlesTheRest_LeavesNothingToPay()
    {
        var invoice = InvoiceFixture.Invoice((1, 1_000m, VatRate.FrenchStandard));
        invoice.RecordPayment(Money.Euros(1_080m), InvoiceFixture.IssuedAt.AddDays(1));

        InvoiceFixture.Credit(invoice, new CreditLine(1, 1, Money.Euros(100m)));

        Assert.Equal(InvoiceSettlement.Paid, invoice.Settlement);
        Assert.True(invoice.Balance.IsZero);
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(2, 1, null)]
    [InlineData(1, 0, null)]
    [InlineData(1, 1, "0")]
    [InlineData(1, 1, "42000.01")]
    public void IssueCreditNote_MalformedLine_ThrowsNamingLinesAndChangesNothing(int line, int quantity, string? unitPrice)
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));
        var price = unitPrice is null ? (Money?)null : Money.Euros(decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<InvalidInputException>(() => InvoiceFixture.Credit(invoice, new CreditLine(line, quantity, price)));

        Assert.Equal("lines", error.ParamName);
        Assert.Empty(invoice.Credits);
    }

    [Fact]
    public void IssueCreditNote_WithAnInvoiceNumberOrNoReason_ThrowsNamingParameter()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));
        var options = InvoiceFixture.Options;

        Assert.Equal("number", Assert.Throws<InvalidInputException>(() =>
            invoice.IssueCreditNote(InvoiceId.New(), new InvoiceNumber(InvoiceSeries.Invoice, 2026, 2), null, "returned", InvoiceFixture.IssuedAt, options)).ParamName);
        Assert.Equal("reason", Assert.ThrowsAny<ArgumentException>(() =>
            invoice.IssueCreditNote(InvoiceId.New(), new InvoiceNumber(InvoiceSeries.CreditNote, 2026, 1), null, " ", InvoiceFixture.IssuedAt, options)).ParamName);
        Assert.Empty(invoice.Credits);
    }

    [Fact]
    public void Snapshot_RoundTrip_KeepsTheCreditNoteAndTheInvoicesRecordOfIt()
    {
        var invoice = InvoiceFixture.Invoice((1, 42_000m, VatRate.FrenchStandard));
        var credit = InvoiceFixture.Credit(invoice, new CreditLine(1, 1, Money.Euros(2_000m)));

        var restored = CreditNote.FromSnapshot(credit.ToSnapshot());
        var restoredInvoice = Invoice.FromSnapshot(invoice.ToSnapshot());

        Assert.Equal((credit.Number, credit.Total, credit.IssueDate), (restored.Number, restored.Total, restored.IssueDate));
        Assert.Equal(Money.Euros(2_400m), restoredInvoice.AmountCredited);
    }
}
