using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>The conversion funnel of the cohort's leads owned by one salesperson.</summary>
/// <param name="OwnerId">The salesperson, or <see langword="null"/> for unassigned leads.</param>
/// <param name="Counts">The funnel of those leads.</param>
public sealed record OwnerConversion(UserId? OwnerId, ConversionCounts Counts);
