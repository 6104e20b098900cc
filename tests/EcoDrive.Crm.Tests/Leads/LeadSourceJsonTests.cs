using System.Text.Json;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Crm.Tests.Leads;

public sealed class LeadSourceJsonTests
{
    [Fact]
    public void Deserialize_WhatSerializeWrote_GivesTheSameSource()
    {
        foreach (var source in new[] { LeadSource.From(LeadChannel.Referral), LeadSource.FromCampaign(CampaignId.New()) })
        {
            var json = JsonSerializer.Serialize(source, EcoDriveJson.Options);

            Assert.Equal(source, JsonSerializer.Deserialize<LeadSource>(json, EcoDriveJson.Options));
        }
    }
}
