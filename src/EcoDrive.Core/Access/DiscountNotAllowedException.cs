namespace EcoDrive.Core.Access;

/// <summary>
/// An order prices a product further below its list price than the seller may on their own
/// (<see cref="ErrorCodes.Order.DiscountNeedsApproval"/>), or than the user named to approve it may
/// (<see cref="ErrorCodes.Order.ApprovalNotAllowed"/>). Nothing is recorded.
/// </summary>
public sealed class DiscountNotAllowedException : DomainException
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="code"><see cref="ErrorCodes.Order.DiscountNeedsApproval"/> or <see cref="ErrorCodes.Order.ApprovalNotAllowed"/>.</param>
    /// <param name="productId">The product whose line has the largest discount.</param>
    /// <param name="discountPercent">That discount, in percent of the list price.</param>
    /// <param name="limitPercent">The limit it goes beyond: the seller's, or the approver's.</param>
    /// <param name="approverId">The user named to approve, or <see langword="null"/> when none was.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public DiscountNotAllowedException(string code, ProductId productId, decimal discountPercent, decimal limitPercent, UserId? approverId, string message)
        : base(code, message)
    {
        ProductId = productId;
        DiscountPercent = discountPercent;
        LimitPercent = limitPercent;
        ApproverId = approverId;
    }

    /// <summary>The product whose line has the largest discount.</summary>
    public ProductId ProductId { get; }

    /// <summary>That discount, in percent of the list price, rounded to two decimals.</summary>
    public decimal DiscountPercent { get; }

    /// <summary>The limit the discount goes beyond: the seller's, or the approver's.</summary>
    public decimal LimitPercent { get; }

    /// <summary>The user named to approve, or <see langword="null"/> when none was.</summary>
    public UserId? ApproverId { get; }
}
