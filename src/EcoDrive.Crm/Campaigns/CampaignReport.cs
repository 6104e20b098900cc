using EcoDrive.Crm.Leads;

namespace EcoDrive.Crm.Campaigns;

/// <summary>What became of one campaign message, without the address (a report is readable without <c>customers.read-contact</c>).</summary>
/// <param name="Recipient">The customer or lead it was addressed to.</param>
/// <param name="Status">Pending, sent or failed.</param>
/// <param name="At">When it was sent or failed.</param>
/// <param name="Error">Why it failed.</param>
public sealed record DeliveryOutcome(PartyRef Recipient, DeliveryStatus Status, DateTimeOffset? At, string? Error);

/// <summary>
/// A campaign's results: its deliveries, and the leads that answered it (their source is the campaign) with how
/// many were won, so that conversion can be measured per campaign.
/// </summary>
/// <param name="Id">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="Segment">Who it targeted, in words.</param>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="Status">Draft, sending or completed.</param>
/// <param name="Deliveries">One per person messaged.</param>
/// <param name="LeadsCreated">Leads whose source is the campaign.</param>
/// <param name="LeadsWon">Of those, the leads won.</param>
public sealed record CampaignReport(
    CampaignId Id,
    string Name,
    string Segment,
    CampaignChannel Channel,
    CampaignStatus Status,
    IReadOnlyList<DeliveryOutcome> Deliveries,
    int LeadsCreated,
    int LeadsWon)
{
    /// <summary>Messages the provider accepted.</summary>
    public int Sent => Deliveries.Count(d => d.Status == DeliveryStatus.Sent);

    /// <summary>Messages the provider refused.</summary>
    public int Failed => Deliveries.Count(d => d.Status == DeliveryStatus.Failed);

    /// <summary>Messages not sent yet.</summary>
    public int Pending => Deliveries.Count(d => d.Status == DeliveryStatus.Pending);

    /// <summary>Won leads ÷ leads created by the campaign; <see langword="null"/> when it created none (not 0).</summary>
    public decimal? ConversionRate => LeadsCreated == 0 ? null : (decimal)LeadsWon / LeadsCreated;

    /// <summary>The report of <paramref name="campaign"/>.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="leadsFromCampaign">The leads whose source is the campaign.</param>
    /// <exception cref="InvalidInputException">A lead did not come from this campaign.</exception>
    public static CampaignReport Of(Campaign campaign, IEnumerable<Lead> leadsFromCampaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(leadsFromCampaign);
        var leads = leadsFromCampaign.ToArray();
        if (leads.Any(l => l.Source.CampaignId != campaign.Id))
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Only leads from campaign {campaign.Id} belong in its report.", nameof(leadsFromCampaign));
        }

        return new CampaignReport(
            campaign.Id,
            campaign.Name,
            campaign.Segment.ToString(),
            campaign.Channel,
            campaign.Status,
            [.. campaign.Deliveries.Select(d => new DeliveryOutcome(d.Recipient, d.Status, d.At, d.Error))],
            leads.Length,
            leads.Count(l => l.Stage == LeadStage.Won));
    }
}
