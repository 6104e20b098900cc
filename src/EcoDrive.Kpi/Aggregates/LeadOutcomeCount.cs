using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// The outcomes, as of an instant, of the leads of a cohort that share a source, an owner and a campaign: a row of
/// <see cref="IKpiAggregateSource.CountLeadOutcomesAsync"/>.
/// </summary>
/// <param name="Source">The leads' source (<c>website</c>, <c>showroom</c>, …), as <see cref="LeadFact.Source"/>.</param>
/// <param name="OwnerId">The salesperson who owns them, or <see langword="null"/> when unassigned.</param>
/// <param name="CampaignId">The campaign they responded to, or <see langword="null"/>.</param>
/// <param name="Leads">How many leads.</param>
/// <param name="Won">How many of them were won by the as-of instant.</param>
/// <param name="Lost">How many of them were lost, and not won, by the as-of instant.</param>
public readonly record struct LeadOutcomeCount(string Source, UserId? OwnerId, CampaignId? CampaignId, long Leads, long Won, long Lost);
