namespace EcoDrive.Crm.Orders;

/// <summary>
/// A discount beyond what the seller may give on their own, approved: by whom, how large it was (the largest line's, in
/// percent of the list price) and when. Recorded on the order.
/// </summary>
/// <param name="ApprovedBy">The user who approved it.</param>
/// <param name="DiscountPercent">The largest discount of the order's lines, in percent of the list price.</param>
/// <param name="ApprovedAt">When the order carrying it was recorded.</param>
public sealed record PriceApproval(UserId ApprovedBy, decimal DiscountPercent, DateTimeOffset ApprovedAt);
