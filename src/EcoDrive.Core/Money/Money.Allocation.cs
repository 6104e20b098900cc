namespace EcoDrive.Core;

public readonly partial struct Money
{
    /// <summary>
    /// Splits the amount into <paramref name="parts"/> shares that differ by at most one minor unit and add up to
    /// the amount exactly: 100.00 EUR in 3 gives 33.34, 33.33, 33.33 (the larger shares first).
    /// </summary>
    /// <param name="parts">Number of shares; at least one.</param>
    /// <returns>The shares, in order.</returns>
    /// <exception cref="InvalidInputException"><paramref name="parts"/> is not positive.</exception>
    public Money[] Split(int parts)
    {
        InvalidInputException.ThrowIfNegativeOrZero(parts);
        return Allocate(Enumerable.Repeat(1m, parts).ToArray());
    }

    /// <summary>
    /// Allocates the amount in proportion to <paramref name="ratios"/>, never losing or creating a minor unit: each
    /// share is the proportional amount rounded down to the minor unit, and the minor units left over go one each
    /// to the shares that lost the most in rounding (ties to the earlier share). 100.00 EUR by 1:1:1 gives 33.34,
    /// 33.33, 33.33; by 70:30 gives 70.00, 30.00.
    /// </summary>
    /// <param name="ratios">Non-negative weights, at least one positive.</param>
    /// <returns>One share per ratio, in order; their sum is exactly the amount.</returns>
    /// <exception cref="InvalidInputException">No ratio is given, one is negative, or all are zero.</exception>
    public Money[] Allocate(IReadOnlyList<decimal> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Count == 0 || ratios.Any(r => r < 0m) || ratios.All(r => r == 0m))
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, "Ratios must be non-negative, at least one of them positive.", nameof(ratios));
        }

        var unit = Currency.HasMinorUnit ? 1m / Pow10(Currency.MinorUnit) : 1m;
        var total = ratios.Sum();
        var units = decimal.Truncate(Math.Abs(Amount) / unit);
        var sign = Math.Sign(Amount);
        var shares = new decimal[ratios.Count];
        var remainders = new decimal[ratios.Count];
        var allocated = 0m;
        for (var i = 0; i < ratios.Count; i++)
        {
            var exact = units * ratios[i] / total;
            shares[i] = decimal.Floor(exact);
            remainders[i] = exact - shares[i];
            allocated += shares[i];
        }

        var leftOver = (int)(units - allocated);
        foreach (var index in Enumerable.Range(0, ratios.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(leftOver))
        {
            shares[index]++;
        }

        // An amount finer than the minor unit (possible only without one) keeps its fraction on the first share.
        var fraction = Math.Abs(Amount) - (units * unit);
        var currency = Currency;
        return [.. shares.Select((share, i) => new Money(sign * ((share * unit) + (i == 0 ? fraction : 0m)), currency))];
    }
}
