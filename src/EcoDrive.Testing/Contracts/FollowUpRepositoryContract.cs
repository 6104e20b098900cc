using EcoDrive.Crm;
using EcoDrive.Crm.Activities;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IFollowUpRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class FollowUpRepositoryContract : StorageContract
{
    /// <summary>A follow-up reads back as it was, and its changes are kept.</summary>
    [StorageFact]
    public async Task Add_ThenUpdate_KeepsTheState()
    {
        var followUp = TestData.FollowUp(PartyRef.Customer(CustomerId.New()), TestData.Salesperson, TestData.Start.AddDays(1));
        await AddAsync(scope => Get<IFollowUpRepository>(scope).Add(followUp));
        Assert.Equal(Json(followUp.ToSnapshot()), Json((await ReadAsync(scope => Get<IFollowUpRepository>(scope).FindAsync(followUp.Id)))!.ToSnapshot()));

        await InScopeAsync(async scope =>
        {
            var stored = (await Get<IFollowUpRepository>(scope).FindAsync(followUp.Id))!;
            stored.Complete(TestData.Salesperson, TestData.Start.AddHours(3), "test drive booked");
            Get<IFollowUpRepository>(scope).Update(stored);
        });

        Assert.Equal(FollowUpStatus.Done, (await ReadAsync(scope => Get<IFollowUpRepository>(scope).FindAsync(followUp.Id)))!.Status);
    }

    /// <summary>A salesperson's agenda: their open follow-ups due before a time, soonest first.</summary>
    [StorageFact]
    public async Task FindOpenByAssignee_ReturnsTheOpenOnesDueBeforeSoonestFirst()
    {
        var party = PartyRef.Lead(LeadId.New());
        var colleague = UserId.New();
        var tomorrow = TestData.FollowUp(party, TestData.Salesperson, TestData.Start.AddDays(1));
        var today = TestData.FollowUp(party, TestData.Salesperson, TestData.Start.AddHours(4));
        var nextWeek = TestData.FollowUp(party, TestData.Salesperson, TestData.Start.AddDays(7));
        var done = TestData.FollowUp(party, TestData.Salesperson, TestData.Start.AddHours(1));
        done.Complete(TestData.Salesperson, TestData.Start.AddHours(1));
        var colleagues = TestData.FollowUp(party, colleague, TestData.Start.AddHours(2));
        await AddAsync(scope =>
        {
            foreach (var followUp in new[] { tomorrow, today, nextWeek, done, colleagues })
            {
                Get<IFollowUpRepository>(scope).Add(followUp);
            }
        });

        var agenda = await ReadAsync(scope => Get<IFollowUpRepository>(scope).FindOpenByAssigneeAsync(TestData.Salesperson, TestData.Start.AddDays(2)));
        var byParty = await ReadAsync(scope => Get<IFollowUpRepository>(scope).FindByPartyAsync(party));

        Assert.Equal([today.Id, tomorrow.Id], agenda.Select(f => f.Id));
        Assert.Equal([done.Id, colleagues.Id, today.Id, tomorrow.Id, nextWeek.Id], byParty.Select(f => f.Id));
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var followUp = TestData.FollowUp(PartyRef.Customer(CustomerId.New()), TestData.Salesperson, TestData.Start.AddDays(1));
        await AddAsync(scope => Get<IFollowUpRepository>(scope).Add(followUp));

        await AssertStaleWriteIsRefusedAsync<IFollowUpRepository, FollowUp>(
            followUps => followUps.FindAsync(followUp.Id),
            (f, writer) => f.Reschedule(TestData.Start.AddDays(1 + writer), TestData.Salesperson, TestData.Start.AddHours(writer)),
            (followUps, f) => followUps.Update(f),
            f => Json(f.ToSnapshot()));
    }
}
