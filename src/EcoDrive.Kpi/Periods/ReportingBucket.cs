namespace EcoDrive.Kpi;

/// <summary>
/// One bucket of a <see cref="ReportingPeriod"/>: a range of local dates [<see cref="LocalStart"/>, <see cref="LocalEnd"/>)
/// in the reporting time zone, and the UTC instants [<see cref="UtcStart"/>, <see cref="UtcEnd"/>) it covers.
/// </summary>
/// <remarks>
/// The first and last buckets of a period are clipped to it: a period starting on a Wednesday has a first
/// <see cref="TimeBucket.IsoWeek"/> bucket running from that Wednesday, not from the Monday before.
/// Equality compares every member. <c>default(ReportingBucket)</c> has no label and belongs to no period.
/// </remarks>
/// <param name="LocalStart">The first local date of the bucket.</param>
/// <param name="LocalEnd">The first local date after the bucket.</param>
/// <param name="UtcStart">Local midnight starting <see cref="LocalStart"/>, as a UTC instant (offset zero).</param>
/// <param name="UtcEnd">Local midnight starting <see cref="LocalEnd"/>, as a UTC instant (offset zero).</param>
/// <param name="Label">A stable, culture-invariant label of the bucket's calendar unit: <c>2026-03-29</c>,
/// <c>2026-W13</c>, <c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>.</param>
public readonly record struct ReportingBucket(DateOnly LocalStart, DateOnly LocalEnd, DateTimeOffset UtcStart, DateTimeOffset UtcEnd, string Label)
{
    /// <summary>How long the bucket really lasts: a Paris day bucket is 23 hours on the last Sunday of March.</summary>
    public TimeSpan Duration => UtcEnd - UtcStart;

    /// <summary>Whether <paramref name="instant"/> falls in [<see cref="UtcStart"/>, <see cref="UtcEnd"/>).</summary>
    /// <param name="instant">Any instant; its offset does not matter.</param>
    /// <returns><see langword="true"/> when the instant is in the bucket.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= UtcStart && instant < UtcEnd;

    /// <summary>The label and the local date range, e.g. <c>2026-W13 [2026-03-23, 2026-03-30)</c>.</summary>
    /// <returns>A readable description of the bucket.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"{Label} [{LocalStart:yyyy-MM-dd}, {LocalEnd:yyyy-MM-dd})");
}
