namespace EcoDrive.Core;

/// <summary>
/// A total would pass one of the <see cref="Limits"/>: a product's stock (<c>stock.limit-exceeded</c>), a
/// purchase-order line (<c>purchase-order.limit-exceeded</c>), an order's or offer's net total
/// (<c>order.limit-exceeded</c>, <c>offer.limit-exceeded</c>). Nothing changed.
/// </summary>
public sealed class LimitExceededException : DomainException
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">A <c>LimitExceeded</c> constant of <see cref="ErrorCodes"/> (<see cref="ErrorCodes.Stock.LimitExceeded"/>, …).</param>
    /// <param name="maximum">The limit.</param>
    /// <param name="attempted">The total the operation would have produced.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    public LimitExceededException(string code, decimal maximum, decimal attempted, string message)
        : base(code, message)
    {
        Maximum = maximum;
        Attempted = attempted;
    }

    /// <summary>The limit (units or amount).</summary>
    public decimal Maximum { get; }

    /// <summary>The total the operation would have produced, which was refused.</summary>
    public decimal Attempted { get; }
}
