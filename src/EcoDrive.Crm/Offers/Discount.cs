using System.Globalization;
using System.Text.Json.Serialization;

namespace EcoDrive.Crm.Offers;

/// <summary>
/// A discount on the unit price of an offer line: a percentage or a fixed amount off each unit. It applies per unit,
/// so that the discounted unit price is a whole number of cents and the order line that the offer becomes carries
/// exactly the offer's net amount.
/// </summary>
/// <remarks><c>default(Discount)</c> is <see cref="None"/>. Equality compares kind and value.</remarks>
public readonly record struct Discount
{
    [JsonConstructor]
    private Discount(decimal? percentage, Money? amountPerUnit)
    {
        Percentage = percentage;
        AmountPerUnit = amountPerUnit;
    }

    /// <summary>No discount.</summary>
    public static Discount None => default;

    /// <summary>The percentage off each unit, for a percentage discount.</summary>
    public decimal? Percentage { get; }

    /// <summary>The amount off each unit, for a fixed discount.</summary>
    public Money? AmountPerUnit { get; }

    /// <summary>Whether this is <see cref="None"/>.</summary>
    public bool IsNone => Percentage is null && AmountPerUnit is null;

    /// <summary>A percentage off each unit (<c>Discount.Percent(8)</c> is 8 % off).</summary>
    /// <param name="percent">Above 0 and at most 100.</param>
    /// <exception cref="InvalidInputException"><paramref name="percent"/> is not above 0 or is above 100.</exception>
    public static Discount Percent(decimal percent)
    {
        InvalidInputException.ThrowIfNegativeOrZero(percent);
        InvalidInputException.ThrowIfGreaterThan(percent, 100m);
        return new Discount(percent, null);
    }

    /// <summary>A fixed amount off each unit.</summary>
    /// <param name="amount">Above zero and at most <see cref="Limits.MaxAmount"/>, in the line's currency.</param>
    /// <exception cref="InvalidInputException"><paramref name="amount"/> is not above zero or is above <see cref="Limits.MaxAmount"/>.</exception>
    public static Discount PerUnit(Money amount)
    {
        InvalidInputException.ThrowIfNegativeOrZero(amount.Amount, nameof(amount));
        return new Discount(null, Limits.RequireAmount(amount));
    }

    /// <summary>
    /// The unit price after the discount, rounded to the currency's minor unit (banker's rounding, as
    /// <see cref="Money"/> does).
    /// </summary>
    /// <param name="unitPrice">The unit price before the discount.</param>
    /// <exception cref="InvalidInputException">The discount is larger than <paramref name="unitPrice"/>.</exception>
    /// <exception cref="CurrencyMismatchException">A fixed discount is in another currency than <paramref name="unitPrice"/>.</exception>
    public Money ApplyTo(Money unitPrice)
    {
        var discounted = (Percentage, AmountPerUnit) switch
        {
            ({ } percent, _) => unitPrice * (1m - (percent / 100m)),
            (_, { } amount) => unitPrice - amount,
            _ => unitPrice,
        };
        return discounted.Amount >= 0m
            ? discounted
            : throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"A discount of {this} is larger than the unit price {unitPrice}.", nameof(unitPrice));
    }

    /// <summary><c>8 %</c>, <c>500.00 EUR per unit</c> or <c>none</c>.</summary>
    public override string ToString() =>
        Percentage is { } percent ? percent.ToString("0.##", CultureInfo.InvariantCulture) + " %"
        : AmountPerUnit is { } amount ? $"{amount} per unit"
        : "none";
}
