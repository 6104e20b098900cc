using System.ComponentModel;
using System.Globalization;
using EcoDrive.Application;
using EcoDrive.Kpi;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

internal sealed class DashboardSettings : EcoDriveSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First day, yyyy-MM-dd (default: the 1st of this month).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Day after the last day, yyyy-MM-dd (default: a month after --from).")]
    public string? To { get; init; }

    [CommandOption("--bucket <BUCKET>")]
    [Description("day, week or month (default: month).")]
    public string Bucket { get; init; } = "month";

    [CommandOption("--tz <ZONE>")]
    [Description("Time zone of the days, e.g. Europe/Paris (default).")]
    public string TimeZone { get; init; } = ReportingPeriod.DefaultTimeZoneId;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"{name} '{value}' is not a date: write it as yyyy-MM-dd, e.g. 2026-03-01.");
            }
        }

        if (Bucket.ToLowerInvariant() is not ("day" or "week" or "month"))
        {
            return ValidationResult.Error($"--bucket '{Bucket}' is not a bucket: use day, week or month.");
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--tz '{TimeZone}' is not a known time zone: use an IANA id such as Europe/Paris.");
    }

    public ReportingPeriod Period(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date);
        var from = From is null ? new DateOnly(today.Year, today.Month, 1) : DateOnly.ParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = To is null ? from.AddMonths(1) : DateOnly.ParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bucket = Bucket.ToLowerInvariant() switch { "day" => TimeBucket.Day, "week" => TimeBucket.IsoWeek, _ => TimeBucket.Month };
        return new ReportingPeriod(from, to, bucket, zone);
    }
}

/// <summary>The sales director's dashboard for a period, with the previous period beside it.</summary>
internal sealed class DashboardCommand(IAnsiConsole console) : EcoDriveCommand<DashboardSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, DashboardSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        var period = settings.Period(session.Get<TimeProvider>().GetUtcNow());
        var dashboard = session.Get<DashboardService>();
        var report = await dashboard.GetAsync(DemoUsers.Helene, period, cancellationToken);
        var previous = await dashboard.GetAsync(DemoUsers.Helene, period.Previous(), cancellationToken);
        DashboardView.Write(Console, texts, report, previous);
        return 0;
    }
}
