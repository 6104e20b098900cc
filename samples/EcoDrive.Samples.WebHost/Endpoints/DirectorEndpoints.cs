using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Core.Access;
using EcoDrive.Application.Access;
using EcoDrive.Application;
using EcoDrive.Kpi;
using EcoDrive.Samples.WebHost.Security;
using Microsoft.Extensions.Options;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>The sales director's dashboard and the access troubleshooting checklist.</summary>
internal static class DirectorEndpoints
{
    public static void MapDirector(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kpi/dashboard", async (DateOnly? from, DateOnly? to, TimeBucket? bucket, string? tz, ClaimsPrincipal principal, DashboardService service, IOptions<ReportingOptions> reporting, TimeProvider clock, CancellationToken ct) =>
        {
            var zone = FindZone(tz ?? reporting.Value.TimeZoneId);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
            var start = from ?? new DateOnly(today.Year, today.Month, 1);
            var period = new ReportingPeriod(start, to ?? start.AddMonths(1), bucket ?? TimeBucket.Day, zone);
            var actor = CurrentUser.Of(principal);
            var current = await service.GetAsync(actor, period, ct);
            var previous = await service.GetAsync(actor, period.Previous(), ct);
            return TypedResults.Ok(DashboardResponse.Of(current, previous));
        }).WithTags("Dashboard").RequireAuthorization().WithSummary("The three KPIs for a period (default: this month, by day, in the reporting time zone: EcoDrive:Reporting:TimeZoneId, Europe/Paris unless set).");

        app.MapGet("/access/explain", async (Guid user, Guid customer, ClaimsPrincipal principal, UserDirectory users, AccessDiagnostics diagnostics, CancellationToken ct) =>
        {
            var caller = CurrentUser.Of(principal);
            if (caller.Id.Value != user && caller.Role != Role.Administrator)
            {
                throw new PermissionDeniedException(caller, new Permission("access.diagnose-others"));
            }

            var subject = users.FindById(user)?.ToUser() ?? throw new EntityNotFoundException(ErrorCodes.User.NotFound, user.ToString());
            var explanation = await diagnostics.ExplainContactAccessAsync(subject, new CustomerId(customer), ct);
            return TypedResults.Ok(new { explanation.CanSeeContactDetails, explanation.Checks, Text = explanation.ToString() });
        }).WithTags("Access").RequireAuthorization().WithSummary("Why can't this user see this customer's contact details? The brief's three checks.");
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"'{id}' is not a known time zone (use an IANA id such as Europe/Paris).", "tz");
        }
    }
}

/// <summary>The dashboard as JSON: the period, its buckets, and the three KPIs with the previous period beside them.</summary>
internal sealed record DashboardResponse(
    DateOnly From,
    DateOnly To,
    TimeBucket Bucket,
    string TimeZone,
    DateTimeOffset AsOf,
    IReadOnlyList<DashboardBucket> NewOrders,
    int TotalOrders,
    int TotalCancelled,
    int PreviousTotalOrders,
    DashboardConversion Conversion,
    DashboardConversion PreviousConversion,
    IReadOnlyList<SegmentRevenue> Revenue,
    IReadOnlyList<Money> RevenueTotals,
    IReadOnlyList<Money> PreviousRevenueTotals)
{
    public static DashboardResponse Of(SalesDashboardReport current, SalesDashboardReport previous) => new(
        current.Period.From,
        current.Period.To,
        current.Period.Bucket,
        current.Period.TimeZone.Id,
        current.AsOf,
        [.. current.NewOrders.Buckets.Select(b => new DashboardBucket(b.Bucket.Label, b.Bucket.LocalStart, b.Orders, b.Cancelled))],
        current.NewOrders.TotalOrders,
        current.NewOrders.TotalCancelled,
        previous.NewOrders.TotalOrders,
        DashboardConversion.Of(current.Conversion),
        DashboardConversion.Of(previous.Conversion),
        current.Revenue.Segments,
        current.Revenue.Totals,
        previous.Revenue.Totals);
}

/// <summary>New orders in one bucket.</summary>
internal sealed record DashboardBucket(string Label, DateOnly Start, int Orders, int Cancelled);

/// <summary>Lead-to-customer conversion: numerator, denominator, and the rate (null when there were no leads).</summary>
internal sealed record DashboardConversion(int Leads, int Won, int Lost, decimal? Rate, decimal? WinRate)
{
    public static DashboardConversion Of(ConversionReport report) =>
        new(report.Overall.Leads, report.Overall.Won, report.Overall.Lost, report.Rate, report.WinRate);
}
