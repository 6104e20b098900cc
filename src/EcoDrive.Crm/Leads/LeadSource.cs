using System.Text.Json.Serialization;

namespace EcoDrive.Crm.Leads;

/// <summary>The channel a lead came through.</summary>
public enum LeadChannel
{
    /// <summary>The website's contact or test-drive form.</summary>
    Website = 0,

    /// <summary>A visit to the showroom.</summary>
    Showroom = 1,

    /// <summary>Recommended by a customer or a partner.</summary>
    Referral = 2,

    /// <summary>A response to a marketing campaign (see <see cref="LeadSource.CampaignId"/>).</summary>
    Campaign = 3,

    /// <summary>A trade fair or a local event.</summary>
    Event = 4,

    /// <summary>An inbound phone call.</summary>
    Phone = 5,
}

/// <summary>Where a lead came from: a channel, and the campaign when the channel is <see cref="LeadChannel.Campaign"/>.</summary>
public readonly record struct LeadSource
{
    [JsonConstructor]
    private LeadSource(LeadChannel channel, CampaignId? campaignId)
    {
        Channel = channel;
        CampaignId = campaignId;
    }

    /// <summary>The channel.</summary>
    public LeadChannel Channel { get; }

    /// <summary>The campaign the lead responded to, for <see cref="LeadChannel.Campaign"/>.</summary>
    public CampaignId? CampaignId { get; }

    /// <summary>A source that is not a campaign.</summary>
    /// <param name="channel">The channel; use <see cref="FromCampaign"/> for campaigns.</param>
    /// <exception cref="InvalidInputException"><paramref name="channel"/> is <see cref="LeadChannel.Campaign"/> (a campaign needs its id).</exception>
    public static LeadSource From(LeadChannel channel) =>
        channel == LeadChannel.Campaign
            ? throw new InvalidInputException(ErrorCodes.Input.Required, "A campaign source needs the campaign's id: use LeadSource.FromCampaign.", nameof(channel))
            : new LeadSource(channel, null);

    /// <summary>A lead that responded to <paramref name="campaignId"/>.</summary>
    /// <param name="campaignId">The campaign.</param>
    public static LeadSource FromCampaign(CampaignId campaignId) => new(LeadChannel.Campaign, campaignId);

    /// <summary>The channel in lower case (<c>showroom</c>), used as the source code in KPIs.</summary>
    public string Code => Channel.ToString().ToLowerInvariant();

    /// <summary><see cref="Code"/>, followed by the campaign id for campaigns.</summary>
    public override string ToString() => CampaignId is { } id ? $"{Code}:{id}" : Code;
}
