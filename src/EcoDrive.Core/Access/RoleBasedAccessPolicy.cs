using System.Collections.Frozen;

namespace EcoDrive.Core.Access;

/// <summary>
/// The default <see cref="IAccessPolicy"/>: each role holds a fixed set of permissions. Pass your own map to the
/// constructor to change it.
/// </summary>
public sealed class RoleBasedAccessPolicy : IAccessPolicy
{
    private readonly FrozenDictionary<Role, FrozenSet<Permission>> _grants;

    /// <summary>Creates the policy with <see cref="DefaultGrants"/>.</summary>
    public RoleBasedAccessPolicy()
        : this(DefaultGrants)
    {
    }

    /// <summary>Creates the policy with a role → permissions map of your own.</summary>
    /// <param name="grants">Permissions held by each role; a role that is absent holds none.</param>
    public RoleBasedAccessPolicy(IReadOnlyDictionary<Role, IReadOnlyCollection<Permission>> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        _grants = grants.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenSet());
    }

    /// <summary>The role → permissions map that EcoDrive ships with.</summary>
    public static IReadOnlyDictionary<Role, IReadOnlyCollection<Permission>> DefaultGrants { get; } = new Dictionary<Role, IReadOnlyCollection<Permission>>
    {
        [Role.Salesperson] =
        [
            Permissions.CustomersRead, Permissions.CustomersReadContact, Permissions.CustomersWrite,
            Permissions.LeadsManage, Permissions.OrdersCreate, Permissions.OrdersRead, Permissions.OrdersCancel,
        ],
        [Role.SalesDirector] =
        [
            Permissions.CustomersRead, Permissions.CustomersReadContact, Permissions.LeadsManage,
            Permissions.OrdersRead, Permissions.OrdersCancel, Permissions.CampaignsManage, Permissions.KpiView,
            Permissions.PricesApprove,
        ],
        [Role.Marketing] = [Permissions.CustomersRead, Permissions.CampaignsManage],
        [Role.Accountant] =
        [
            Permissions.CustomersRead, Permissions.CustomersReadContact, Permissions.OrdersRead,
            Permissions.InvoicesIssue, Permissions.PaymentsRecord,
        ],
        [Role.Warehouse] = [Permissions.OrdersRead, Permissions.OrdersFulfil, Permissions.StockManage],
        [Role.Administrator] = Permissions.All.ToArray(),
    };

    /// <inheritdoc />
    public bool IsGranted(User user, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _grants.TryGetValue(user.Role, out var held) && held.Contains(permission);
    }
}
