using EcoDrive.Erp.Invoices;

namespace EcoDrive.Erp.Tests.Invoices;

public sealed partial class InvoiceTests
{
    /// <summary>
    /// Worked example: per rate, VAT is the base × rate rounded half away from zero, never a sum of rounded line VATs.
    /// 10 %: 3 × 8.15 = 24.45 → 2.445 → 2.45 (line by line it would be 3 × 0.82 = 2.46; banker's rounding 2.44);
    /// 5.5 %: 3.00 → 0.165 → 0.17 (banker's 0.16); 2.1 %: 5.00 → 0.105 → 0.11 (banker's 0.10); 20 %: 42,000 → 8,400;
    /// 0 %: 150.00 → 0.
    /// </summary>
    [Fact]
    public void Vat_MixedRatesWithHalfCents_RoundsEachRateOnItsBaseHalfAwayFromZero()
    {
        var invoice = InvoiceFixture.Invoice(
            (3, 8.15m, VatRate.FrenchIntermediate),
            (1, 42_000m, VatRate.FrenchStandard),
            (1, 3.00m, VatRate.FrenchReduced),
            (1, 5.00m, VatRate.FrenchSuperReduced),
            (1, 150.00m, VatRate.Zero));

        Assert.Equal(
            [
                (20m, 42_000.00m, 8_400.00m),
                (10m, 24.45m, 2.45m),
                (5.5m, 3.00m, 0.17m),
                (2.1m, 5.00m, 0.11m),
                (0m, 150.00m, 0.00m),
            ],
            invoice.Vat.Subtotals.Select(s => (s.Rate.Percent, s.TaxableBase.Amount, s.Vat.Amount)));
        Assert.Equal(Money.Euros(42_182.45m), invoice.Vat.TotalNet);
        Assert.Equal(Money.Euros(8_402.73m), invoice.Vat.TotalVat);
        Assert.Equal(Money.Euros(50_585.18m), invoice.Total);
    }

    /// <summary>
    /// Worked example of a partial credit note on the invoice above: one 8.15 unit at 10 % (0.815 → 0.82), the 2.1 %
    /// line (0.105 → 0.11) and a 1,000.05 price reduction on the vehicle at 20 % (200.01). The credit note computes its
    /// own breakdown the same way.
    /// </summary>
    [Fact]
    public void Vat_OfAPartialCreditNote_IsComputedOnItsOwnBasesPerRate()
    {
        var invoice = InvoiceFixture.Invoice(
            (3, 8.15m, VatRate.FrenchIntermediate),
            (1, 42_000m, VatRate.FrenchStandard),
            (1, 3.00m, VatRate.FrenchReduced),
            (1, 5.00m, VatRate.FrenchSuperReduced));

        var credit = InvoiceFixture.Credit(invoice, new CreditLine(1, 1), new CreditLine(4, 1), new CreditLine(2, 1, Money.Euros(1_000.05m)));

        Assert.Equal(
            [(20m, 1_000.05m, 200.01m), (10m, 8.15m, 0.82m), (2.1m, 5.00m, 0.11m)],
            credit.Vat.Subtotals.Select(s => (s.Rate.Percent, s.TaxableBase.Amount, s.Vat.Amount)));
        Assert.Equal(Money.Euros(1_013.20m), credit.Vat.TotalNet);
        Assert.Equal(Money.Euros(200.94m), credit.Vat.TotalVat);
        Assert.Equal(Money.Euros(1_214.14m), credit.Total);
        Assert.Equal(invoice.Total - Money.Euros(1_214.14m), invoice.Balance);
    }
}
