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

    /// <summary>Prospects are the leads not won; a campaign's leads are those that came from it.</summary>
    [StorageFact]
    public async Task FindProspectsAndByCampaign_ReturnTheMatchingLeads()
    {
        var campaignId = CampaignId.New();
        var fromCampaign = EcoDrive.Crm.Leads.Lead.Capture(
            LeadId.New(), "Inès", "Petit", EcoDrive.Core.Customers.ContactDetails.None, LeadSource.FromCampaign(campaignId), [ProductSegment.Suv], null, TestData.Start);
        var won = TestData.Lead(TestData.Start);
        won.Contact(TestData.Salesperson, TestData.Start.AddHours(1));
        won.Qualify(TestData.Salesperson, TestData.Start.AddHours(2));
        won.Win(CustomerId.New(), TestData.Salesperson, TestData.Start.AddHours(3));
        var open = TestData.Lead(TestData.Start);
        await AddAsync(scope =>
        {
            foreach (var lead in new[] { fromCampaign, won, open })
            {
                Get<ILeadRepository>(scope).Add(lead);
            }
        });

        var prospects = await ReadAsync(scope => Get<ILeadRepository>(scope).FindProspectsAsync());
        var ofCampaign = await ReadAsync(scope => Get<ILeadRepository>(scope).FindByCampaignAsync(campaignId));

        Assert.Equal(new[] { fromCampaign.Id, open.Id }.OrderBy(id => id.Value), prospects.Select(l => l.Id).OrderBy(id => id.Value));
        Assert.Equal([fromCampaign.Id], ofCampaign.Select(l => l.Id));
        Assert.Equal(LeadSource.FromCampaign(campaignId), ofCampaign[0].Source);
    }
}
