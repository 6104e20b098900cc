namespace EcoDrive.Kpi;

/// <summary>The conversion funnel of the cohort's leads that came from one source.</summary>
/// <param name="Source">The lead source, as in <see cref="LeadFact.Source"/>.</param>
/// <param name="Counts">The funnel of those leads.</param>
public sealed record SourceConversion(string Source, ConversionCounts Counts);
