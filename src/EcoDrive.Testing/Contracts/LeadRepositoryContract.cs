using EcoDrive.Crm.Leads;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="ILeadRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class LeadRepositoryContract : StorageContract
{
    /// <summary>A committed lead reads back with the same state.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var lead = TestData.Lead(TestData.Start, LeadChannel.Referral, TestData.Salesperson);
        await AddAsync(scope => Get<ILeadRepository>(scope).Add(lead));

        var found = await ReadAsync(scope => Get<ILeadRepository>(scope).FindAsync(lead.Id));

        Assert.Equal(Json(lead.ToSnapshot()), Json(found!.ToSnapshot()));
        Assert.Null(await ReadAsync(scope => Get<ILeadRepository>(scope).FindAsync(LeadId.New())));
    }

    /// <summary>Moves through the pipeline are kept, with their history.</summary>
    [StorageFact]
    public async Task Update_ThroughThePipeline_KeepsStageAndHistory()
    {
        var lead = TestData.Lead(TestData.Start);
        await AddAsync(scope => Get<ILeadRepository>(scope).Add(lead));
        var customerId = CustomerId.New();

        foreach (var move in new Action<Lead>[]
        {
            l => l.Contact(TestData.Salesperson, TestData.Start.AddHours(1)),
            l => l.Qualify(TestData.Salesperson, TestData.Start.AddHours(2)),
            l => l.Win(customerId, TestData.Salesperson, TestData.Start.AddHours(3)),
        })
        {
            await InScopeAsync(async scope =>
            {
                var leads = Get<ILeadRepository>(scope);
                var stored = (await leads.FindAsync(lead.Id))!;
                move(stored);
                leads.Update(stored);
            });
        }

        var found = (await ReadAsync(scope => Get<ILeadRepository>(scope).FindAsync(lead.Id)))!;
        Assert.Equal(LeadStage.Won, found.Stage);
        Assert.Equal(customerId, found.CustomerId);
        Assert.Equal(3, found.History.Count);
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var lead = TestData.Lead(TestData.Start);
        await AddAsync(scope => Get<ILeadRepository>(scope).Add(lead));

        await AssertStaleWriteIsRefusedAsync<ILeadRepository, Lead>(
            leads => leads.FindAsync(lead.Id),
            (l, writer) => l.Lose(writer == 1 ? "too expensive" : "bought elsewhere", TestData.Salesperson, TestData.Start.AddHours(writer)),
            (leads, l) => leads.Update(l),
            l => Json(l.ToSnapshot()));
    }
}
