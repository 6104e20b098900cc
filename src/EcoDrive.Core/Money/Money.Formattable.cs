using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoDrive.Core;

public readonly partial struct Money : IFormattable
{
    /// <summary>Invariant text: the amount with all the currency's decimals, then the code (<c>1234.50 EUR</c>). <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => InvariantAmount + " " + Currency.Code;

    /// <summary>The amount as people of <paramref name="provider"/>'s culture write money (<c>fr-FR</c>: <c>1 234,56 €</c>).</summary>
    /// <param name="provider">The culture; the current culture when <see langword="null"/>.</param>
    public string ToString(IFormatProvider? provider) => ToString("C", provider);

    /// <summary>
    /// Formats the amount for a culture. <c>"C"</c>: with the currency's symbol, as the culture places it
    /// (<c>fr-FR</c>: <c>1 234,56 €</c>; <c>en-US</c>: <c>€1,234.56</c>). <c>"N"</c>: the number alone, with the
    /// currency's decimals (<c>1 234,56</c>). <c>"I"</c>: the number then the ISO code (<c>1 234,56 EUR</c>).
    /// <c>"R"</c>, <c>"G"</c> or <see langword="null"/>: the invariant form of <see cref="ToString()"/>, whatever the
    /// culture — so that string interpolation (<c>$"{money}"</c>) gives the same text on every machine.
    /// </summary>
    /// <param name="format"><c>C</c>, <c>N</c>, <c>I</c>, <c>R</c> or <c>G</c>.</param>
    /// <param name="formatProvider">The culture; the current culture when <see langword="null"/>.</param>
    /// <exception cref="FormatException"><paramref name="format"/> is none of these.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo ?? CultureInfo.CurrentCulture;
        var numbers = (NumberFormatInfo)NumberFormatInfo.GetInstance(formatProvider ?? culture).Clone();
        numbers.CurrencyDecimalDigits = Currency.MinorUnit;
        numbers.NumberDecimalDigits = Currency.MinorUnit;
        return (string.IsNullOrEmpty(format) ? "R" : format).ToUpperInvariant() switch
        {
            "C" => FormatCurrency(numbers, Currency.SymbolFor(culture)),
            "N" => Amount.ToString("N", numbers),
            "I" => Amount.ToString("N", numbers) + "\u00A0" + Currency.Code,
            "R" or "G" => ToString(),
            _ => throw new FormatException($"'{format}' is not a Money format: use C (symbol), N (number), I (ISO code) or R (invariant)."),
        };
    }

    /// <summary>Reads the invariant form written by <see cref="ToString()"/>: an amount with a dot for decimals, a space, and an ISO code (<c>1234.50 EUR</c>, <c>-3 JPY</c>).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not in that form, or the code is unknown.</exception>
    public static Money Parse(string text) =>
        TryParse(text, out var money)
            ? money
            : throw new FormatException($"'{text}' is not an amount of money: expected an invariant amount and an ISO 4217 code, e.g. '1234.50 EUR'.");

    /// <summary>Reads the invariant form written by <see cref="ToString()"/> without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="money">The amount when the text is valid.</param>
    /// <returns>Whether the text is an amount of money.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money)
    {
        money = default;
        var parts = text?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 }
            || !decimal.TryParse(parts[0], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || !Currency.TryFromCode(parts[1], out var currency))
        {
            return false;
        }

        money = new Money(amount, currency);
        return true;
    }

    /// <summary>The amount in invariant form with all the currency's decimals (all significant ones without a minor unit).</summary>
    internal string InvariantAmount => Currency.HasMinorUnit
        ? Amount.ToString("F" + Currency.MinorUnit.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : Amount.ToString(CultureInfo.InvariantCulture);

    private string FormatCurrency(NumberFormatInfo numbers, string symbol)
    {
        numbers.CurrencySymbol = symbol;
        return Amount.ToString("C", numbers);
    }
}
