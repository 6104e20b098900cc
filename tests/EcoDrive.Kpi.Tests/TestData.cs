using EcoDrive.Core;

namespace EcoDrive.Kpi.Tests;

/// <summary>Shared test values: time zones, instants and fact builders.</summary>
internal static class TestData
{
    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static ReportingPeriod Period(DateOnly from, DateOnly to, TimeBucket bucket = TimeBucket.Day) =>
        new(from, to, bucket, Paris);

    public static ReportingPeriod Month(int year, int month, TimeBucket bucket = TimeBucket.Day)
    {
        var from = new DateOnly(year, month, 1);
        return Period(from, from.AddMonths(1), bucket);
    }

    public static OrderFact Order(DateTimeOffset submittedAt, OrderStatus status = OrderStatus.Submitted, UserId? salesperson = null) =>
        new(OrderId.New(), submittedAt, status, salesperson);

    public static LeadFact Lead(DateTimeOffset createdAt, DateTimeOffset? wonAt = null, DateTimeOffset? lostAt = null, string source = "website", UserId? owner = null) =>
        new(LeadId.New(), createdAt, wonAt, lostAt, source, owner);

    public static RevenueFact Revenue(DateTimeOffset issuedAt, ProductSegment segment, decimal euros) =>
        new(issuedAt, segment, Money.Euros(euros));
}
