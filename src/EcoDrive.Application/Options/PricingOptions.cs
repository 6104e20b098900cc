using EcoDrive.Core.Access;

namespace EcoDrive.Application;

/// <summary>
/// How far below its list price a product may be sold (section <c>EcoDrive:Pricing</c> in a host): each role's
/// discount limit, in percent. A seller prices within their own limit; beyond it, the order names a user who holds
/// <c>prices.approve</c> and whose limit covers the discount.
/// </summary>
public sealed class PricingOptions
{
    /// <summary>
    /// The largest discount, in percent of the list price, that each role may give (and, with <c>prices.approve</c>,
    /// approve); from 0 to 100. A role not listed may give none. Default: salesperson 5, sales director 15,
    /// administrator 100.
    /// </summary>
    public Dictionary<Role, decimal> DiscountLimits { get; } = new()
    {
        [Role.Salesperson] = 5m,
        [Role.SalesDirector] = 15m,
        [Role.Administrator] = 100m,
    };

    /// <summary>The discount limit of <paramref name="role"/>, in percent; 0 for a role not listed.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The limit.</returns>
    public decimal LimitOf(Role role) => DiscountLimits.TryGetValue(role, out var limit) ? limit : 0m;

    internal IEnumerable<string> Problems() =>
        DiscountLimits.SelectMany(limit => ValidatedOptions.Range($"{nameof(PricingOptions)}.{nameof(DiscountLimits)}[{limit.Key}]", limit.Value, 0m, 100m));
}
