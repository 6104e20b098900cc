using System.Globalization;
using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>
/// An amount of money in one <see cref="EcoDrive.Core.Currency"/>, held as a <see cref="decimal"/> rounded to the
/// currency's minor unit at construction (banker's rounding, <see cref="MidpointRounding.ToEven"/>, unless a
/// mode is given; amounts in a unit without a minor unit are not rounded).
/// </summary>
/// <remarks>
/// Arithmetic and comparison between two currencies throw <see cref="CurrencyMismatchException"/>; there is no
/// implicit exchange. Equality compares amount and currency (<c>1.0 EUR</c> equals <c>1.00 EUR</c>).
/// <c>default(Money)</c> is zero in <see cref="Currency.None"/> (<c>XXX</c>): a placeholder, not an amount to
/// compute with. Serialises to JSON as <c>{"amount":"1234.50","currency":"EUR"}</c>, the amount as a string so no
/// reader turns it into a floating-point number.
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>Creates an amount rounded to the minor unit of <paramref name="currency"/> with banker's rounding.</summary>
    /// <param name="amount">The amount, in major units (euros, not cents).</param>
    /// <param name="currency">Its currency.</param>
    public Money(decimal amount, Currency currency)
        : this(amount, currency, MidpointRounding.ToEven)
    {
    }

    /// <summary>Creates an amount rounded to the minor unit of <paramref name="currency"/> with <paramref name="rounding"/>.</summary>
    /// <param name="amount">The amount, in major units.</param>
    /// <param name="currency">Its currency.</param>
    /// <param name="rounding">How a midpoint is rounded.</param>
    public Money(decimal amount, Currency currency, MidpointRounding rounding)
    {
        Amount = currency.HasMinorUnit ? decimal.Round(amount, currency.MinorUnit, rounding) : amount;
        Currency = currency;
    }

    /// <summary>The amount in major units, with at most <see cref="Currency.MinorUnit"/> decimals.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>The amount in minor units (cents for the euro).</summary>
    /// <exception cref="InvalidOperationException">The currency has no minor unit and the amount is not whole.</exception>
    /// <exception cref="OverflowException">The amount in minor units does not fit a <see cref="long"/>.</exception>
    public long MinorUnits => Currency.HasMinorUnit || decimal.IsInteger(Amount)
        ? decimal.ToInt64(Amount * Pow10(Currency.MinorUnit))
        : throw new InvalidOperationException($"{Currency.Code} has no minor unit: {Amount} cannot be expressed in minor units.");

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>An amount in euros.</summary>
    /// <param name="amount">The amount in euros.</param>
    public static Money Euros(decimal amount) => new(amount, Currency.Eur);

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    /// <param name="currency">The currency.</param>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>An amount given in minor units (cents for the euro).</summary>
    /// <param name="minorUnits">The amount in minor units.</param>
    /// <param name="currency">Its currency.</param>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits / Pow10(currency.MinorUnit), currency);

    /// <summary>The sum of two amounts in the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Add(Money left, Money right) => new(left.Amount + SameCurrency(left, right).Amount, left.Currency);

    /// <summary>The difference of two amounts in the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Subtract(Money left, Money right) => new(left.Amount - SameCurrency(left, right).Amount, left.Currency);

    /// <summary>The amount multiplied by a factor, rounded to the minor unit with banker's rounding.</summary>
    public static Money Multiply(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>The opposite amount.</summary>
    public static Money Negate(Money money) => new(-money.Amount, money.Currency);

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static int Compare(Money left, Money right) => left.Amount.CompareTo(SameCurrency(left, right).Amount);

    /// <summary>The sum of <paramref name="amounts"/>, all in <paramref name="currency"/>; zero when there are none.</summary>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero(currency);
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    /// <summary>The amount re-rounded to its minor unit with <paramref name="rounding"/> (useful after a computation in <see cref="decimal"/>).</summary>
    public Money Round(MidpointRounding rounding) => new(Amount, Currency, rounding);

    /// <inheritdoc />
    public int CompareTo(Money other) => Compare(this, other);

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <inheritdoc cref="Add" />
    public static Money operator +(Money left, Money right) => Add(left, right);

    /// <inheritdoc cref="Subtract" />
    public static Money operator -(Money left, Money right) => Subtract(left, right);

    /// <inheritdoc cref="Negate" />
    public static Money operator -(Money money) => Negate(money);

    /// <inheritdoc cref="Multiply" />
    public static Money operator *(Money money, decimal factor) => Multiply(money, factor);

    /// <inheritdoc cref="Multiply" />
    public static Money operator *(decimal factor, Money money) => Multiply(money, factor);

    /// <summary>Whether two amounts have the same amount and currency.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Whether two amounts differ in amount or currency.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency ? right : throw new CurrencyMismatchException(left.Currency, right.Currency);

    private static decimal Pow10(int exponent) => exponent switch
    {
        0 => 1m,
        1 => 10m,
        2 => 100m,
        3 => 1000m,
        _ => (decimal)Math.Pow(10, exponent),
    };
}
