namespace EcoDrive.Application;

/// <summary>How <see cref="CampaignService"/> sends (section <c>EcoDrive:Campaigns</c> in a host).</summary>
public sealed class CampaignOptions
{
    /// <summary>Messages taken and recorded in one unit of work by <see cref="CampaignService.SendPendingAsync"/>; from 1 to 10,000. Default 100.</summary>
    public int SendBatchSize { get; set; } = 100;

    internal IEnumerable<string> Problems() =>
        ValidatedOptions.Range($"{nameof(CampaignOptions)}.{nameof(SendBatchSize)}", SendBatchSize, 1, 10_000);
}
