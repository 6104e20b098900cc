using EcoDrive.Crm.Activities;

namespace EcoDrive.Crm.Tests.Activities;

public sealed class FollowUpTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId s_sophie = UserId.New();
    private static readonly UserId s_marc = UserId.New();
    private static readonly PartyRef s_camille = PartyRef.Lead(LeadId.New());

    private static FollowUp CallBack(DateTimeOffset dueAt, UserId? assignee = null) =>
        FollowUp.Schedule(FollowUpId.New(), s_camille, assignee ?? s_sophie, dueAt, "call back about financing", s_sophie, s_monday);

    [Fact]
    public void Schedule_StartsOpenWithItsDueTimeAndWhoPlannedIt()
    {
        var followUp = CallBack(s_monday.AddDays(2));

        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal(s_monday.AddDays(2), followUp.DueAt);
        Assert.Equal(new FollowUpChange(FollowUpChangeKind.Scheduled, s_monday, s_sophie, s_monday.AddDays(2), null), Assert.Single(followUp.History));
    }

    [Fact]
    public void Reschedule_ThenComplete_KeepsEveryChangeWithActorAndTime()
    {
        var followUp = CallBack(s_monday.AddDays(2));

        followUp.Reschedule(s_monday.AddDays(7), s_marc, s_monday.AddDays(1), "customer on holiday");
        followUp.Complete(s_sophie, s_monday.AddDays(7), "test drive booked");

        Assert.Equal(FollowUpStatus.Done, followUp.Status);
        Assert.Equal(s_monday.AddDays(7), followUp.DueAt);
        Assert.Equal(
            [FollowUpChangeKind.Scheduled, FollowUpChangeKind.Rescheduled, FollowUpChangeKind.Done],
            followUp.History.Select(h => h.Kind));
        Assert.Equal("customer on holiday", followUp.History[1].Note);
        Assert.Equal(s_marc, followUp.History[1].Actor);
    }

    [Theory]
    [InlineData("Complete")]
    [InlineData("Cancel")]
    [InlineData("Reschedule")]
    public void AnyChange_WhenAlreadyDone_IsRefusedAndChangesNothing(string operation)
    {
        var followUp = CallBack(s_monday.AddDays(2));
        followUp.Complete(s_sophie, s_monday.AddDays(2));
        var before = followUp.ToSnapshot();

        var error = Assert.Throws<InvalidTransitionException>(() =>
        {
            switch (operation)
            {
                case "Complete": followUp.Complete(s_sophie, s_monday.AddDays(3)); break;
                case "Cancel": followUp.Cancel("no longer needed", s_sophie, s_monday.AddDays(3)); break;
                default: followUp.Reschedule(s_monday.AddDays(9), s_sophie, s_monday.AddDays(3)); break;
            }
        });

        Assert.Equal("follow-up.invalid-transition", error.Code);
        Assert.Equal("Done", error.State);
        Assert.Empty(error.PermittedTriggers);
        Assert.Equal(before.Status, followUp.Status);
        Assert.Equal(before.History, followUp.History);
    }

    [Fact]
    public void Cancel_WithoutReason_ThrowsNamingParameterAndChangesNothing()
    {
        var followUp = CallBack(s_monday.AddDays(2));

        var error = Assert.Throws<InvalidInputException>(() => followUp.Cancel(" ", s_sophie, s_monday));

        Assert.Equal("reason", error.ParamName);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Single(followUp.History);
    }

    [Fact]
    public void Agenda_SortsOpenFollowUpsOfOneSalespersonIntoOverdueAndDue()
    {
        var asOf = s_monday.AddDays(1);
        var late = CallBack(s_monday.AddHours(2));
        var justLate = CallBack(asOf.AddTicks(-1));
        var dueNow = CallBack(asOf);
        var dueTonight = CallBack(asOf.AddHours(10));
        var nextWeek = CallBack(asOf.AddDays(7));
        var done = CallBack(s_monday.AddHours(1));
        done.Complete(s_sophie, s_monday.AddHours(1));
        var marcs = CallBack(s_monday.AddHours(3), s_marc);

        var agenda = FollowUpAgenda.Of(s_sophie, [nextWeek, dueTonight, marcs, done, dueNow, justLate, late], asOf, asOf.AddDays(1));

        Assert.Equal([late.Id, justLate.Id], agenda.Overdue.Select(f => f.Id));
        Assert.Equal([dueNow.Id, dueTonight.Id], agenda.Due.Select(f => f.Id));
    }
}
