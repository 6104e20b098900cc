using System.Runtime.CompilerServices;

namespace EcoDrive.Core;

/// <summary>
/// The stated maxima of EcoDrive: how many units one line or stock movement may carry, how much stock a product may
/// hold, how large an amount of money and an order may be, and how long free text may be. They are far above what an
/// electric-vehicle dealer does, and low enough that no product of them can overflow an <see cref="int"/> or a
/// <see cref="decimal"/>: quantity × price ≤ 10<sup>15</sup>, VAT and invoice totals stay exact.
/// </summary>
/// <remarks>
/// An input outside a per-value bound (a quantity, a unit price, a text) throws <see cref="InvalidInputException"/>
/// (<see cref="ErrorCodes.Input.OutOfRange"/>, <see cref="ErrorCodes.Input.TooLong"/>) naming the parameter; a total that would pass its maximum (stock on hand, an order's value) is a broken
/// business rule, <see cref="LimitExceededException"/> with a <c>*.limit-exceeded</c> code. Either way nothing changed.
/// <see cref="Money"/> itself is not bounded (a KPI may sum many orders): amounts are bounded where they enter an
/// aggregate. The table is in <c>docs/errors.md</c>, section "Limits".
/// </remarks>
public static class Limits
{
    /// <summary>The most units one order, offer or purchase-order line, or one stock movement (receipt, adjustment), may carry: 1,000,000; also the most units of one product on one order, offer or purchase order.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>The most units a product's stock may total, on hand or waiting on backorder: 1,000,000,000.</summary>
    public const int MaxStockQuantity = 1_000_000_000;

    /// <summary>The largest amount of money one value may be (a list or unit price, a discount, a payment, a fee), and the largest net total of an order or offer: 1,000,000,000.00.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>The longest single-line text (a name, an address line, a reason, a reference, a subject): 200 characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest multi-line text (an interaction note, a follow-up purpose or outcome): 4,000 characters.</summary>
    public const int MaxNoteLength = 4_000;

    /// <summary>The longest campaign message template: 10,000 characters.</summary>
    public const int MaxTemplateLength = 10_000;

    /// <summary>Checks a quantity of units for one line or one stock movement: 1 to <see cref="MaxQuantity"/>.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <returns><paramref name="quantity"/>.</returns>
    /// <exception cref="InvalidInputException"><paramref name="quantity"/> is not positive or above <see cref="MaxQuantity"/>.</exception>
    public static int RequireQuantity(int quantity, [CallerArgumentExpression(nameof(quantity))] string? paramName = null)
    {
        InvalidInputException.ThrowIfNegativeOrZero(quantity, paramName);
        return quantity <= MaxQuantity
            ? quantity
            : throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"{quantity:N0} units is too many: at most {MaxQuantity:N0} units fit one line or stock movement.", paramName);
    }

    /// <summary>Checks an amount of money entering an aggregate (a price, a discount, a payment, a fee): 0 to <see cref="MaxAmount"/>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <returns><paramref name="amount"/>.</returns>
    /// <exception cref="InvalidInputException"><paramref name="amount"/> is negative or above <see cref="MaxAmount"/>.</exception>
    public static Money RequireAmount(Money amount, [CallerArgumentExpression(nameof(amount))] string? paramName = null) =>
        amount.Amount < 0m ? throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"An amount cannot be negative ({amount}).", paramName)
        : amount.Amount > MaxAmount ? throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"An amount is at most {MaxAmount:N0} {amount.Currency.Code}, not {amount}.", paramName)
        : amount;

    /// <summary>
    /// Checks the lines of an order or offer together: at most <see cref="MaxQuantity"/> units of one product, and a net
    /// total of at most <see cref="MaxAmount"/>.
    /// </summary>
    /// <param name="code">The code to raise, <see cref="ErrorCodes.Order.LimitExceeded"/> or <see cref="ErrorCodes.Offer.LimitExceeded"/>; its area names what the lines are of in the message.</param>
    /// <param name="id">Its id, for the message.</param>
    /// <param name="lines">The lines, all in one currency.</param>
    /// <returns>The net total of the lines.</returns>
    /// <exception cref="CurrencyMismatchException">Lines are in different currencies.</exception>
    /// <exception cref="LimitExceededException"><paramref name="code"/>: a product or the net total is above its maximum.</exception>
    public static Money RequireOrderLimits(string code, string id, IReadOnlyCollection<OrderLine> lines)
    {
        var aggregate = ErrorCodes.AreaOf(code);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var product in lines.GroupBy(l => l.ProductId))
        {
            var units = product.Sum(l => (long)l.Quantity);
            if (units > MaxQuantity)
            {
                throw new LimitExceededException(
                    code,
                    MaxQuantity,
                    units,
                    $"Cannot record {aggregate} {id}: it asks for {units:N0} units of product {product.Key}, above the maximum of {MaxQuantity:N0} per product. Split it into several {aggregate}s.");
            }
        }

        var netTotal = Money.Sum(lines.Select(l => l.Net), lines.First().UnitPrice.Currency);
        return netTotal.Amount <= MaxAmount
            ? netTotal
            : throw new LimitExceededException(
                code,
                MaxAmount,
                netTotal.Amount,
                $"Cannot record {aggregate} {id}: its net total {netTotal} is above the maximum of {MaxAmount:N0} {netTotal.Currency.Code}. Split it into several {aggregate}s.");
    }
}
