namespace EcoDrive.Kpi;

/// <summary>
/// KPI 2, lead-to-customer conversion by cohort: of the leads created in <see cref="Period"/>, how many were won by
/// <see cref="AsOf"/>, overall, by source, by salesperson and by campaign. <see cref="Overall"/> is the cohort's funnel
/// (created → closed → won, with lost and open). Produced by <see cref="ConversionCalculator"/>.
/// </summary>
/// <param name="Period">The reporting period whose created leads form the cohort.</param>
/// <param name="AsOf">The instant at which wins and losses were counted.</param>
/// <param name="Overall">The funnel of the whole cohort.</param>
/// <param name="BySource">The funnel per lead source, largest cohort first, then by source (ordinal).</param>
/// <param name="ByOwner">The funnel per salesperson, largest cohort first, then by id; unassigned leads last.</param>
public sealed record ConversionReport(
    ReportingPeriod Period,
    DateTimeOffset AsOf,
    ConversionCounts Overall,
    IReadOnlyList<SourceConversion> BySource,
    IReadOnlyList<OwnerConversion> ByOwner)
{
    /// <summary>The funnel per campaign, largest cohort first, then by id; leads from no campaign last. Empty when no lead is in the cohort.</summary>
    public IReadOnlyList<CampaignConversion> ByCampaign { get; init; } = [];

    /// <summary>Leads of the cohort won by <see cref="AsOf"/>.</summary>
    public int Numerator => Overall.Numerator;

    /// <summary>Leads in the cohort.</summary>
    public int Denominator => Overall.Denominator;

    /// <summary>The conversion rate, <see cref="Numerator"/> / <see cref="Denominator"/>, or <see langword="null"/> when no lead was created in the period.</summary>
    public decimal? Rate => Overall.Rate;

    /// <summary>The win rate, won / (won + lost) among the cohort's leads closed by <see cref="AsOf"/>, or <see langword="null"/> when none is closed.</summary>
    public decimal? WinRate => Overall.WinRate;
}
