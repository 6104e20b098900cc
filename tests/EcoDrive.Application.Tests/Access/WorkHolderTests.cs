using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
using EcoDrive.Crm.Leads;
using EcoDrive.Application;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Access;

/// <summary>
/// Work handed to a user by id — a lead to own, a follow-up to do — goes only to a user the directory knows whose role
/// may hold it; a refusal writes nothing.
/// </summary>
public sealed class WorkHolderTests
{
    [Fact]
    public async Task AssignOwner_ToAnUnknownId_IsRefusedAndChangesNothing()
    {
        await using var host = new TestHost();
        var lead = await CaptureAsync(host);
        var stranger = UserId.New();

        var error = await Assert.ThrowsAsync<UnknownUserException>(() => host.Leads.AssignOwnerAsync(TestHost.Helene, lead, stranger));

        Assert.Equal("user.unknown", error.Code);
        Assert.Equal(stranger, error.UserId);
        var stored = await host.Leads.GetAsync(TestHost.Sophie, lead);
        Assert.Equal(TestHost.Sophie.Id, stored.OwnerId);
        Assert.Empty(stored.OwnerHistory);
    }

    [Fact]
    public async Task AssignOwner_ToAMarketingUser_IsRefusedNamingLeadsManageAndChangesNothing()
    {
        await using var host = new TestHost();
        var lead = await CaptureAsync(host);

        var error = await Assert.ThrowsAsync<UserCannotHoldWorkException>(() => host.Leads.AssignOwnerAsync(TestHost.Helene, lead, TestHost.Manon.Id));

        Assert.Equal("user.cannot-hold-work", error.Code);
        Assert.Equal(Permissions.LeadsManage, error.Permission);
        Assert.Equal(TestHost.Manon.Id, error.UserId);
        Assert.Empty((await host.Leads.GetAsync(TestHost.Sophie, lead)).OwnerHistory);
    }

    [Fact]
    public async Task AssignOwner_ToAKnownSalesperson_IsRecorded()
    {
        await using var host = new TestHost();
        var lead = await CaptureAsync(host);

        await host.Leads.AssignOwnerAsync(TestHost.Helene, lead, TestHost.Mathis.Id);

        Assert.Equal(TestHost.Mathis.Id, (await host.Leads.GetAsync(TestHost.Sophie, lead)).OwnerId);
    }

    [Fact]
    public async Task AssignOwner_ToYourself_NeedsNoDirectoryEntry()
    {
        var newcomer = new User(UserId.New(), "Inès", Role.SalesDirector);
        await using var host = new TestHost();
        var lead = await CaptureAsync(host);

        await host.Leads.AssignOwnerAsync(newcomer, lead, newcomer.Id);

        Assert.Equal(newcomer.Id, (await host.Leads.GetAsync(TestHost.Sophie, lead)).OwnerId);
    }

    [Fact]
    public async Task ScheduleFollowUp_ForAnUnknownAssignee_IsRefusedAndWritesNothing()
    {
        await using var host = new TestHost();
        var lead = PartyRef.Lead(await CaptureAsync(host));

        var error = await Assert.ThrowsAsync<UnknownUserException>(() =>
            host.Activities.ScheduleFollowUpAsync(TestHost.Helene, lead, host.Clock.GetUtcNow().AddHours(1), "call back", UserId.New()));

        Assert.Equal("user.unknown", error.Code);
        Assert.Empty(await host.Activities.ListFollowUpsAsync(TestHost.Sophie, lead));
    }

    [Fact]
    public async Task ScheduleFollowUp_ForAMarketingAssignee_IsRefusedAndWritesNothing()
    {
        await using var host = new TestHost();
        var lead = PartyRef.Lead(await CaptureAsync(host));

        var error = await Assert.ThrowsAsync<UserCannotHoldWorkException>(() =>
            host.Activities.ScheduleFollowUpAsync(TestHost.Helene, lead, host.Clock.GetUtcNow().AddHours(1), "call back", TestHost.Manon.Id));

        Assert.Equal(Permissions.LeadsManage, error.Permission);
        Assert.Empty(await host.Activities.ListFollowUpsAsync(TestHost.Sophie, lead));
    }

    [Fact]
    public async Task ScheduleFollowUp_ForYourselfOrAKnownSalesperson_IsRecorded()
    {
        var newcomer = new User(UserId.New(), "Inès", Role.Salesperson);
        await using var host = new TestHost();
        var lead = PartyRef.Lead(await CaptureAsync(host));

        await host.Activities.ScheduleFollowUpAsync(newcomer, lead, host.Clock.GetUtcNow().AddHours(1), "call back", newcomer.Id);
        await host.Activities.ScheduleFollowUpAsync(TestHost.Helene, lead, host.Clock.GetUtcNow().AddHours(2), "test drive", TestHost.Mathis.Id);

        Assert.Equal([newcomer.Id, TestHost.Mathis.Id], (await host.Activities.ListFollowUpsAsync(TestHost.Sophie, lead)).Select(f => f.AssigneeId));
    }

    [Fact]
    public async Task DefaultDirectory_IsEmpty_SoEveryOtherUserIsUnknown()
    {
        await using var services = new ServiceCollection().AddEcoDrive().AddEcoDriveInMemoryStorage().BuildServiceProvider();
        var leads = services.GetRequiredService<LeadService>();
        var lead = await leads.CaptureAsync(TestHost.Sophie, "Nina", "Petit", ContactDetails.None, LeadSource.From(LeadChannel.Phone), []);

        Assert.IsType<InMemoryUserDirectory>(services.GetRequiredService<IUserDirectory>());
        await Assert.ThrowsAsync<UnknownUserException>(() => leads.AssignOwnerAsync(TestHost.Helene, lead, TestHost.Mathis.Id));
    }

    [Fact]
    public async Task ADirectoryRegisteredAfterAddEcoDrive_IsTheOneAsked()
    {
        var directory = new InMemoryUserDirectory();
        await using var services = new ServiceCollection().AddEcoDrive().AddEcoDriveInMemoryStorage().AddSingleton<IUserDirectory>(directory).BuildServiceProvider();
        var leads = services.GetRequiredService<LeadService>();
        var lead = await leads.CaptureAsync(TestHost.Sophie, "Nina", "Petit", ContactDetails.None, LeadSource.From(LeadChannel.Phone), []);

        directory.Add(TestHost.Mathis);
        await leads.AssignOwnerAsync(TestHost.Helene, lead, TestHost.Mathis.Id);

        Assert.Equal(TestHost.Mathis.Id, (await leads.GetAsync(TestHost.Sophie, lead)).OwnerId);
    }

    private static Task<LeadId> CaptureAsync(TestHost host) =>
        host.Leads.CaptureAsync(TestHost.Sophie, "Nina", "Petit", ContactDetails.Parse("nina@example.fr", null), LeadSource.From(LeadChannel.Phone), [ProductSegment.Suv]);
}
