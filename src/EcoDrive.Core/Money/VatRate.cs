using System.Globalization;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>
/// A VAT rate as a percentage (20 % is <c>20</c>). The French rates are named values.
/// </summary>
/// <remarks><c>default(VatRate)</c> is <see cref="Zero"/>.</remarks>
public readonly record struct VatRate
{
    /// <summary>Creates a rate from a percentage between 0 and 100.</summary>
    /// <param name="percent">The rate in percent (<c>5.5</c> for 5.5 %).</param>
    /// <exception cref="InvalidInputException"><paramref name="percent"/> is negative or above 100.</exception>
    [JsonConstructor]
    public VatRate(decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"A VAT rate is a percentage between 0 and 100, not {percent}.", nameof(percent));
        }

        Percent = percent;
    }

    /// <summary>French standard rate, 20 %.</summary>
    public static VatRate FrenchStandard { get; } = new(20m);

    /// <summary>French intermediate rate, 10 %.</summary>
    public static VatRate FrenchIntermediate { get; } = new(10m);

    /// <summary>French reduced rate, 5.5 %.</summary>
    public static VatRate FrenchReduced { get; } = new(5.5m);

    /// <summary>French super-reduced rate, 2.1 %.</summary>
    public static VatRate FrenchSuperReduced { get; } = new(2.1m);

    /// <summary>Zero rate (exempt or out of scope).</summary>
    public static VatRate Zero { get; } = new(0m);

    /// <summary>The rate in percent.</summary>
    public decimal Percent { get; }

    /// <summary>
    /// The VAT on a taxable base, per EN 16931: base × rate, rounded to the minor unit half away from zero.
    /// </summary>
    /// <param name="taxableBase">The sum of the net line amounts at this rate.</param>
    public Money VatOn(Money taxableBase) =>
        new(taxableBase.Amount * Percent / 100m, taxableBase.Currency, MidpointRounding.AwayFromZero);

    /// <summary>The rate as text (<c>20 %</c>, <c>5.5 %</c>).</summary>
    public override string ToString() => Percent.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
