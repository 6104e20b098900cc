using EcoDrive.Kpi;

namespace EcoDrive.Application;

/// <summary>Settings of the sales director's reports (section <c>EcoDrive:Reporting</c> in a host).</summary>
public sealed class ReportingOptions
{
    /// <summary>
    /// The IANA id of the time zone whose calendar days, weeks and months the reports use when the caller names none.
    /// Default <c>Europe/Paris</c> (<see cref="ReportingPeriod.DefaultTimeZoneId"/>).
    /// </summary>
    public string TimeZoneId { get; set; } = ReportingPeriod.DefaultTimeZoneId;

    /// <summary>The time zone of <see cref="TimeZoneId"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">This machine does not know <see cref="TimeZoneId"/>.</exception>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            yield return $"{nameof(ReportingOptions)}.{nameof(TimeZoneId)} is '{TimeZoneId}', which is not a time zone this machine knows; use an IANA id such as Europe/Paris.";
        }
    }
}
