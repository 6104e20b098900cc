using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Application.Tests.Services;

public sealed class SalesActivityTests
{
    private static async Task<PartyRef> LeadAsync(TestHost host, string email) =>
        PartyRef.Lead(await host.Leads.CaptureAsync(
            TestHost.Sophie, "Nina", "Petit", ContactDetails.Parse(email, null), LeadSource.From(LeadChannel.Phone), [ProductSegment.Suv]));

    [Fact]
    public async Task GetAgenda_AsTheClockMoves_ListsEachSalespersonsOverdueAndDueFollowUps()
    {
        await using var host = new TestHost();
        var monday = host.Clock.GetUtcNow();
        var nina = await LeadAsync(host, "nina@example.fr");
        var camille = PartyRef.Customer(await host.AddCamilleAsync());
        var brochure = await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, nina, monday.AddHours(2), "send the Volt X5 brochure");
        var testDrive = await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, camille, monday.AddHours(6), "propose a test drive");
        var financing = await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, camille, monday.AddDays(3), "call back about financing");
        var mathis = await host.Activities.ScheduleFollowUpAsync(TestHost.Helene, nina, monday.AddHours(1), "second opinion", TestHost.Mathis.Id);

        host.Clock.Advance(TimeSpan.FromHours(4));
        var sophies = await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id);
        var mathiss = await host.Activities.GetAgendaAsync(TestHost.Helene, TestHost.Mathis.Id);

        Assert.Equal([brochure], sophies.Overdue.Select(f => f.Id));
        Assert.Equal([testDrive], sophies.Due.Select(f => f.Id));
        Assert.Equal([mathis], mathiss.Overdue.Select(f => f.Id));
        Assert.Empty(mathiss.Due);

        await host.Activities.CompleteFollowUpAsync(TestHost.Sophie, brochure, "sent by e-mail");
        host.Clock.Advance(TimeSpan.FromDays(3));
        sophies = await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id);

        Assert.Equal([testDrive, financing], sophies.Overdue.Select(f => f.Id));
        Assert.Equal(host.Clock.GetUtcNow(), sophies.AsOf);
    }

    [Fact]
    public async Task RescheduleThenCancel_MoveTheFollowUpOutOfTheAgenda()
    {
        await using var host = new TestHost();
        var nina = await LeadAsync(host, "nina@example.fr");
        var followUp = await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, nina, host.Clock.GetUtcNow().AddHours(1), "call back");
        host.Clock.Advance(TimeSpan.FromHours(2));

        await host.Activities.RescheduleFollowUpAsync(TestHost.Sophie, followUp, host.Clock.GetUtcNow().AddDays(2), "customer on holiday");
        Assert.Empty((await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id)).Overdue);
        await host.Activities.CancelFollowUpAsync(TestHost.Sophie, followUp, "bought elsewhere");

        var stored = Assert.Single(await host.Activities.ListFollowUpsAsync(TestHost.Sophie, nina));
        Assert.Equal(FollowUpStatus.Cancelled, stored.Status);
        Assert.Equal([FollowUpChangeKind.Scheduled, FollowUpChangeKind.Rescheduled, FollowUpChangeKind.Cancelled], stored.History.Select(h => h.Kind));
        Assert.Empty((await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id, TimeSpan.FromDays(30))).Due);
    }

    [Fact]
    public async Task Complete_Twice_IsRefusedAndKeepsTheFirstOutcome()
    {
        await using var host = new TestHost();
        var followUp = await host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, await LeadAsync(host, "nina@example.fr"), host.Clock.GetUtcNow(), "call back");
        await host.Activities.CompleteFollowUpAsync(TestHost.Sophie, followUp, "done");

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => host.Activities.CompleteFollowUpAsync(TestHost.Sophie, followUp, "again"));

        Assert.Equal("follow-up.invalid-transition", error.Code);
    }

    [Fact]
    public async Task ScheduleFollowUp_ForAnUnknownLead_IsRefusedAndWritesNothing()
    {
        await using var host = new TestHost();
        var unknown = PartyRef.Lead(LeadId.New());

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() =>
            host.Activities.ScheduleFollowUpAsync(TestHost.Sophie, unknown, host.Clock.GetUtcNow(), "call back"));

        Assert.Equal("lead.not-found", error.Code);
        Assert.Empty((await host.Activities.GetAgendaAsync(TestHost.Sophie, TestHost.Sophie.Id)).Overdue);
        Assert.Empty(await host.Activities.ListFollowUpsAsync(TestHost.Sophie, unknown));
    }

    [Fact]
    public async Task LogInteraction_KeepsTheInteractionsOfEachPartyInTimeOrder()
    {
        await using var host = new TestHost();
        var camille = PartyRef.Customer(await host.AddCamilleAsync());
        var start = host.Clock.GetUtcNow();
        await host.Activities.LogInteractionAsync(TestHost.Sophie, camille, InteractionKind.TestDrive, "loved it", start.AddHours(-1));
        await host.Activities.LogInteractionAsync(TestHost.Sophie, camille, InteractionKind.Call, "asked for the brochure", start.AddDays(-1));
        await host.Activities.LogInteractionAsync(TestHost.Sophie, await LeadAsync(host, "nina@example.fr"), InteractionKind.Visit);

        var interactions = await host.Activities.ListInteractionsAsync(TestHost.Sophie, camille);

        Assert.Equal([InteractionKind.Call, InteractionKind.TestDrive], interactions.Select(i => i.Kind));
        Assert.All(interactions, i => Assert.Equal(TestHost.Sophie.Id, i.By));
    }

    [Fact]
    public async Task Activities_ForWarehouse_AreDeniedNamingLeadsManage()
    {
        await using var host = new TestHost();

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => host.Activities.GetAgendaAsync(TestHost.Marc, TestHost.Sophie.Id));

        Assert.Equal(Permissions.LeadsManage, error.Permission);
    }
}
