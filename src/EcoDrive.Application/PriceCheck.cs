using EcoDrive.Core.Access;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;

namespace EcoDrive.Application;

/// <summary>
/// The pricing rule of an order: a line priced below its product's list price is a discount, which the seller may give up
/// to their role's limit (<see cref="PricingOptions"/>); beyond it, a user who holds <c>prices.approve</c> and whose own
/// limit covers it must be named as the approver, and the approval is recorded on the order.
/// </summary>
internal static class PriceCheck
{
    /// <summary>
    /// The approval the order needs, or <see langword="null"/> when its discounts are within the seller's limit. Lines
    /// whose product the catalogue does not hold, or whose currency is not its list price's, have no list price to compare
    /// with and are not discounts.
    /// </summary>
    /// <exception cref="DiscountNotAllowedException">A discount goes beyond the seller's limit with no approver, or beyond the approver's.</exception>
    public static async Task<PriceApproval?> ApproveAsync(
        User seller,
        UserId? approverId,
        IEnumerable<OrderLine> lines,
        IProductCatalogue catalogue,
        IUserDirectory users,
        IAccessPolicy access,
        PricingOptions options,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        (ProductId Product, decimal Percent)? largest = null;
        foreach (var line in lines)
        {
            var product = await catalogue.FindAsync(line.ProductId, cancellationToken).ConfigureAwait(false);
            if (product is null || product.ListPrice.Currency != line.UnitPrice.Currency || product.ListPrice.Amount <= 0m)
            {
                continue;
            }

            var percent = Math.Round((product.ListPrice.Amount - line.UnitPrice.Amount) / product.ListPrice.Amount * 100m, 2, MidpointRounding.AwayFromZero);
            if (percent > 0m && (largest is null || percent > largest.Value.Percent))
            {
                largest = (product.Id, percent);
            }
        }

        var own = options.LimitOf(seller.Role);
        if (largest is not { } worst || worst.Percent <= own)
        {
            return null;
        }

        if (approverId is not { } id)
        {
            throw new DiscountNotAllowedException(
                ErrorCodes.Order.DiscountNeedsApproval,
                worst.Product,
                worst.Percent,
                own,
                null,
                $"Product {worst.Product} is priced {worst.Percent}% below its list price, beyond the {own}% a {seller.Role} may give; " +
                "name as approver a user who holds 'prices.approve' and whose limit covers it, or raise the price.");
        }

        var approver = await users.FindAsync(id, cancellationToken).ConfigureAwait(false);
        var limit = approver is not null && access.IsGranted(approver, Permissions.PricesApprove) ? options.LimitOf(approver.Role) : 0m;
        if (worst.Percent > limit)
        {
            throw new DiscountNotAllowedException(
                ErrorCodes.Order.ApprovalNotAllowed,
                worst.Product,
                worst.Percent,
                limit,
                id,
                approver is null
                    ? $"No user with id {id} is known, so they cannot approve a discount of {worst.Percent}% on product {worst.Product}."
                    : access.IsGranted(approver, Permissions.PricesApprove)
                        ? $"{approver.Name} ({approver.Role}) may approve discounts up to {limit}%, not the {worst.Percent}% on product {worst.Product}; name a user with a higher limit."
                        : $"{approver.Name} ({approver.Role}) does not hold 'prices.approve', so they cannot approve the {worst.Percent}% discount on product {worst.Product}.");
        }

        return new PriceApproval(id, worst.Percent, now);
    }
}
