using EcoDrive.Core.Access;

namespace EcoDrive.Core.Tests.Access;

public sealed class RoleBasedAccessPolicyTests
{
    private readonly RoleBasedAccessPolicy _policy = new();

    [Fact]
    public void Demand_SalespersonViewingKpis_ThrowsNamingThePermission()
    {
        var sophie = new User(UserId.New(), "Sophie", Role.Salesperson);

        var error = Assert.Throws<PermissionDeniedException>(() => _policy.Demand(sophie, Permissions.KpiView));

        Assert.Equal("access.permission-denied", error.Code);
        Assert.Equal(Permissions.KpiView, error.Permission);
        Assert.Contains("kpi.view", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsGranted_Administrator_HoldsEveryPermission()
    {
        var admin = new User(UserId.New(), "Alex", Role.Administrator);

        Assert.All(Permissions.All, p => Assert.True(_policy.IsGranted(admin, p)));
    }

    [Theory]
    [InlineData(Role.Salesperson, "customers.read-contact", true)]
    [InlineData(Role.Salesperson, "orders.create", true)]
    [InlineData(Role.Salesperson, "invoices.issue", false)]
    [InlineData(Role.Marketing, "customers.read-contact", false)]
    [InlineData(Role.Accountant, "invoices.issue", true)]
    [InlineData(Role.Warehouse, "orders.fulfil", true)]
    [InlineData(Role.Warehouse, "orders.create", false)]
    [InlineData(Role.SalesDirector, "kpi.view", true)]
    public void IsGranted_DefaultMap_GivesEachRoleItsPermissions(Role role, string permission, bool expected)
    {
        Assert.Equal(expected, _policy.IsGranted(new User(UserId.New(), "someone", role), new Permission(permission)));
    }

    [Fact]
    public void Constructor_CustomMap_ReplacesTheDefault()
    {
        var policy = new RoleBasedAccessPolicy(new Dictionary<Role, IReadOnlyCollection<Permission>> { [Role.Marketing] = [Permissions.KpiView] });

        Assert.True(policy.IsGranted(new User(UserId.New(), "m", Role.Marketing), Permissions.KpiView));
        Assert.False(policy.IsGranted(new User(UserId.New(), "a", Role.Administrator), Permissions.KpiView));
    }
}
