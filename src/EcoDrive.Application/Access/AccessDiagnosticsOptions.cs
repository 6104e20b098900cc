namespace EcoDrive.Application.Access;

/// <summary>Settings of <see cref="AccessDiagnostics"/> (section <c>EcoDrive:AccessDiagnostics</c> in a host).</summary>
public sealed class AccessDiagnosticsOptions
{
    /// <summary>
    /// How long a message may wait between CRM and ERP before the system check reports the flow as stalled; from one
    /// second to one day. Default 5 minutes.
    /// </summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Problems() =>
        ValidatedOptions.Range($"{nameof(AccessDiagnosticsOptions)}.{nameof(StalledAfter)}", StalledAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
}
