using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Application.Access;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Access;

public sealed class LeadDataScopeTests
{
    private static readonly User s_paul = new(UserId.New(), "Paul", Role.Salesperson);

    [Fact]
    public async Task ByDefault_SalespeopleSeeEachOthersLeads()
    {
        await using var host = new TestHost();
        var paulsLead = await CaptureAsync(host, s_paul);

        var lead = await host.Leads.GetAsync(TestHost.Sophie, paulsLead);

        Assert.Equal(s_paul.Id, lead.OwnerId);
    }

    [Fact]
    public async Task WithTheRuleOn_ASalespersonCannotReadOrMoveAnothersLead()
    {
        await using var host = Restricted();
        var paulsLead = await CaptureAsync(host, s_paul);

        var error = await Assert.ThrowsAsync<OutOfScopeException>(() => host.Leads.GetAsync(TestHost.Sophie, paulsLead));
        await Assert.ThrowsAsync<OutOfScopeException>(() => host.Leads.ContactAsync(TestHost.Sophie, paulsLead));

        Assert.Equal("access.out-of-scope", error.Code);
        Assert.Equal(LeadStage.New, (await host.Leads.GetAsync(s_paul, paulsLead)).Stage);
    }

    [Fact]
    public async Task WithTheRuleOn_UnassignedLeadsAndOtherRolesAreNotRestricted()
    {
        await using var host = Restricted();
        var paulsLead = await CaptureAsync(host, s_paul);
        await host.Leads.AssignOwnerAsync(TestHost.Helene, paulsLead, TestHost.Sophie.Id);

        await host.Leads.ContactAsync(TestHost.Sophie, paulsLead);

        Assert.Equal(LeadStage.Contacted, (await host.Leads.GetAsync(TestHost.Helene, paulsLead)).Stage);
    }

    private static TestHost Restricted() => new(services => services
        .Configure<AccessOptions>(o => o.SalespeopleSeeOnlyOwnAndUnassignedLeads = true)
        .AddEcoDriveInMemoryStorage());

    private static Task<LeadId> CaptureAsync(TestHost host, User owner) => host.Leads.CaptureAsync(
        owner, "Jules", "Bernard", ContactDetails.Parse("jules@example.fr", null), LeadSource.From(LeadChannel.Phone), [ProductSegment.CityCar]);
}
