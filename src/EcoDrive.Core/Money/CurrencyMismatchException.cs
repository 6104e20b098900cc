namespace EcoDrive.Core;

/// <summary>Arithmetic or comparison between amounts in two currencies. There is no implicit exchange. Code: <c>money.currency-mismatch</c>.</summary>
public sealed class CurrencyMismatchException : DomainException
{
    /// <summary>Creates the error naming both currencies.</summary>
    /// <param name="left">Currency of the left operand.</param>
    /// <param name="right">Currency of the right operand.</param>
    public CurrencyMismatchException(Currency left, Currency right)
        : base(ErrorCodes.Money.CurrencyMismatch, $"Cannot combine {left.Code} with {right.Code}: amounts must be in the same currency (there is no implicit exchange).")
    {
        Left = left;
        Right = right;
    }

    /// <summary>Currency of the left operand.</summary>
    public Currency Left { get; }

    /// <summary>Currency of the right operand.</summary>
    public Currency Right { get; }
}
