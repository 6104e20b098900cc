using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>The conversion funnel of the cohort's leads that responded to one marketing campaign.</summary>
/// <param name="CampaignId">The campaign, or <see langword="null"/> for leads that came from no campaign.</param>
/// <param name="Counts">The funnel of those leads.</param>
public sealed record CampaignConversion(CampaignId? CampaignId, ConversionCounts Counts);
