using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// What the conversion KPI needs to know about one lead: when it was created and whether, and when, it was won or lost.
/// Storage adapters provide these through <see cref="IKpiFactSource.GetLeadFactsAsync"/>.
/// </summary>
/// <param name="LeadId">The lead.</param>
/// <param name="CreatedAt">When the lead entered the pipeline; decides the cohort (period) the lead belongs to.</param>
/// <param name="WonAt">When the lead was won (converted to a customer), or <see langword="null"/> if it has not been.</param>
/// <param name="LostAt">When the lead was lost, or <see langword="null"/> if it has not been.</param>
/// <param name="Source">Where the lead came from (<c>website</c>, <c>showroom</c>, <c>campaign</c>, …); compared ordinally
/// in the by-source breakdown (<see langword="null"/> counts as the empty source).</param>
/// <param name="OwnerId">The salesperson who owns the lead, or <see langword="null"/> when unassigned.</param>
/// <param name="CampaignId">The marketing campaign the lead responded to, or <see langword="null"/> (the default) when it
/// did not come from a campaign; decides the by-campaign breakdown.</param>
public readonly record struct LeadFact(
    LeadId LeadId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? WonAt,
    DateTimeOffset? LostAt,
    string Source,
    UserId? OwnerId,
    CampaignId? CampaignId = null);
