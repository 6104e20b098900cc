namespace EcoDrive.Application;

/// <summary>Settings of <see cref="SalesActivityService"/> (section <c>EcoDrive:SalesActivity</c> in a host).</summary>
public sealed class SalesActivityOptions
{
    /// <summary>
    /// How far ahead a salesperson's agenda lists the follow-ups coming due, when the caller gives no horizon; from
    /// zero to 366 days. Default one day.
    /// </summary>
    public TimeSpan AgendaHorizon { get; set; } = TimeSpan.FromDays(1);

    internal IEnumerable<string> Problems() =>
        ValidatedOptions.Range($"{nameof(SalesActivityOptions)}.{nameof(AgendaHorizon)}", AgendaHorizon, TimeSpan.Zero, TimeSpan.FromDays(366));
}
