namespace EcoDrive.Kpi;

/// <summary>How a <see cref="ReportingPeriod"/> is cut into buckets, in its reporting time zone.</summary>
public enum TimeBucket
{
    /// <summary>One bucket per local calendar day (23 or 25 hours long on daylight-saving days).</summary>
    Day = 0,

    /// <summary>One bucket per ISO 8601 week, Monday to Sunday.</summary>
    IsoWeek = 1,

    /// <summary>One bucket per calendar month.</summary>
    Month = 2,

    /// <summary>One bucket per calendar quarter (January, April, July, October).</summary>
    Quarter = 3,

    /// <summary>One bucket per calendar year.</summary>
    Year = 4,
}
