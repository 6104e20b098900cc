namespace EcoDrive.Core;

/// <summary>One VAT rate's line of a <see cref="VatBreakdown"/>: the taxable base and the VAT on it.</summary>
/// <param name="Rate">The VAT rate.</param>
/// <param name="TaxableBase">The sum of the net amounts of the lines at this rate.</param>
/// <param name="Vat">The VAT on the base, rounded half away from zero.</param>
public sealed record VatSubtotal(VatRate Rate, Money TaxableBase, Money Vat);

/// <summary>
/// The VAT of a document per EN 16931: lines are grouped by rate; per rate, base = sum of line net amounts and
/// VAT = base × rate rounded to the cent half away from zero (never a sum of rounded line VATs); the total is
/// bases + VATs.
/// </summary>
public sealed record VatBreakdown
{
    private VatBreakdown(IReadOnlyList<VatSubtotal> subtotals, Money totalNet, Money totalVat)
    {
        Subtotals = subtotals;
        TotalNet = totalNet;
        TotalVat = totalVat;
    }

    /// <summary>One subtotal per distinct rate, highest rate first.</summary>
    public IReadOnlyList<VatSubtotal> Subtotals { get; }

    /// <summary>Sum of the taxable bases (total excluding VAT).</summary>
    public Money TotalNet { get; }

    /// <summary>Sum of the VAT amounts.</summary>
    public Money TotalVat { get; }

    /// <summary>Total including VAT: <see cref="TotalNet"/> + <see cref="TotalVat"/>.</summary>
    public Money TotalGross => TotalNet + TotalVat;

    /// <summary>Computes the breakdown of net line amounts with their rates.</summary>
    /// <param name="lines">Each line's net amount (quantity × unit price − discount) and VAT rate.</param>
    /// <param name="currency">The document currency; every line must be in it.</param>
    /// <exception cref="CurrencyMismatchException">A line is in another currency.</exception>
    public static VatBreakdown Compute(IEnumerable<(Money Net, VatRate Rate)> lines, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var bases = new SortedDictionary<decimal, Money>(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
        foreach (var (net, rate) in lines)
        {
            var sum = bases.TryGetValue(rate.Percent, out var current) ? current : Money.Zero(currency);
            bases[rate.Percent] = sum + net;
        }

        var subtotals = bases.Select(b => new VatSubtotal(new VatRate(b.Key), b.Value, new VatRate(b.Key).VatOn(b.Value))).ToArray();
        return new VatBreakdown(
            subtotals,
            Money.Sum(subtotals.Select(s => s.TaxableBase), currency),
            Money.Sum(subtotals.Select(s => s.Vat), currency));
    }
}
