namespace EcoDrive.Core.Tests.Money;

using Money = EcoDrive.Core.Money;

public sealed class VatBreakdownTests
{
    [Fact]
    public void Compute_RoundsVatPerRateBaseNotPerLine()
    {
        // Per line: 10.25 × 5.5 % = 0.56375 → 0.56, twice = 1.12. Per EN 16931 on the base: 20.50 × 5.5 % = 1.1275 → 1.13.
        var breakdown = VatBreakdown.Compute(
            [(Money.Euros(10.25m), VatRate.FrenchReduced), (Money.Euros(10.25m), VatRate.FrenchReduced)], Currency.Eur);

        var subtotal = Assert.Single(breakdown.Subtotals);
        Assert.Equal(Money.Euros(20.50m), subtotal.TaxableBase);
        Assert.Equal(Money.Euros(1.13m), subtotal.Vat);
    }

    [Fact]
    public void Compute_MixedRates_GivesOneSubtotalPerRateAndTotals()
    {
        var breakdown = VatBreakdown.Compute(
        [
            (Money.Euros(42_000m), VatRate.FrenchStandard),
            (Money.Euros(100m), VatRate.FrenchIntermediate),
            (Money.Euros(350m), VatRate.FrenchStandard),
        ], Currency.Eur);

        Assert.Equal([20m, 10m], breakdown.Subtotals.Select(s => s.Rate.Percent));
        Assert.Equal(Money.Euros(42_350m), breakdown.Subtotals[0].TaxableBase);
        Assert.Equal(Money.Euros(8_470m), breakdown.Subtotals[0].Vat);
        Assert.Equal(Money.Euros(10m), breakdown.Subtotals[1].Vat);
        Assert.Equal(Money.Euros(42_450m), breakdown.TotalNet);
        Assert.Equal(Money.Euros(8_480m), breakdown.TotalVat);
        Assert.Equal(Money.Euros(50_930m), breakdown.TotalGross);
    }

    [Fact]
    public void VatOn_HalfCent_RoundsAwayFromZero()
    {
        // 0.10 × 5 % = 0.005: banker's rounding would give 0.00; EN 16931 practice gives 0.01.
        Assert.Equal(Money.Euros(0.01m), new VatRate(5m).VatOn(Money.Euros(0.10m)));
        Assert.Equal(Money.Euros(-0.01m), new VatRate(5m).VatOn(Money.Euros(-0.10m)));
    }

    [Fact]
    public void Compute_LineInOtherCurrency_Throws()
    {
        Assert.Throws<CurrencyMismatchException>(() =>
            VatBreakdown.Compute([(new Money(1m, Currency.FromCode("USD")), VatRate.FrenchStandard)], Currency.Eur));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void VatRate_OutOfRange_ThrowsNamingParameter(double percent)
    {
        var error = Assert.Throws<InvalidInputException>(() => new VatRate((decimal)percent));

        Assert.Equal("percent", error.ParamName);
    }
}
