using EcoDrive.Crm.Campaigns;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="ICampaignRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class CampaignRepositoryContract : StorageContract
{
    /// <summary>A campaign reads back with its segment (criteria nested in criteria), message templates and status.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var campaign = TestData.Campaign();
        await AddAsync(scope => Get<ICampaignRepository>(scope).Add(campaign));

        var found = (await ReadAsync(scope => Get<ICampaignRepository>(scope).FindAsync(campaign.Id)))!;

        Assert.Equal(Json(campaign.ToSnapshot()), Json(found.ToSnapshot()));
        Assert.Equal(campaign.Segment, found.Segment);
        Assert.Equal(campaign.Message.Body.Text, found.Message.Body.Text);
        Assert.Null(await ReadAsync(scope => Get<ICampaignRepository>(scope).FindAsync(CampaignId.New())));
    }

    /// <summary>A write based on a stale read is refused and the first writer's change stands.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var campaign = TestData.Campaign();
        await AddAsync(scope => Get<ICampaignRepository>(scope).Add(campaign));

        await AssertStaleWriteIsRefusedAsync<ICampaignRepository, Campaign>(
            campaigns => campaigns.FindAsync(campaign.Id),
            (c, writer) => c.Launch([], TestData.Salesperson, TestData.Start.AddHours(writer)),
            (campaigns, c) => campaigns.Update(c),
            c => Json(c.ToSnapshot()));
    }
}
