using System.Text.Json;
using CsCheck;

namespace EcoDrive.Kpi.Tests;

/// <summary>CsCheck generators shared by the property tests: periods in awkward zones and facts around them.</summary>
internal static class KpiGen
{
    // Zones with DST at 02:00 (Paris, New York), a 30-minute DST shift (Lord Howe), none (UTC, Kolkata), and clocks
    // that change at midnight (Santiago jumps over it, Havana repeats it).
    private static readonly string[] _zoneIds =
        ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Etc/UTC", "Asia/Kolkata", "America/Santiago", "America/Havana"];

    private static readonly string?[] _sources = ["website", "showroom", "campaign", null];
    private static readonly UserId[] _owners = [UserId.New(), UserId.New(), UserId.New()];
    private static readonly CampaignId[] _campaigns = [CampaignId.New(), CampaignId.New()];
    private static readonly ProductSegment[] _segments = [ProductSegment.Suv, ProductSegment.CityCar, ProductSegment.Utility, new("sports")];
    private static readonly Currency[] _currencies = [Currency.Eur, Currency.FromCode("USD"), Currency.FromCode("JPY")];

    public static Gen<ReportingPeriod> Period { get; } =
        Gen.Select(Gen.Int[0, 3650], Gen.Int[1, 500], Gen.Enum<TimeBucket>(), Gen.OneOf(_zoneIds), (start, days, bucket, zoneId) =>
        {
            var from = new DateOnly(2020, 1, 1).AddDays(start);
            return new ReportingPeriod(from, from.AddDays(days), bucket, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        });

    /// <summary>Instants around the period: anywhere within three days of it, or within a tick or 90 minutes of a boundary.</summary>
    public static Gen<DateTimeOffset> Instant(ReportingPeriod period)
    {
        var boundaries = period.Buckets.Select(b => b.UtcStart.UtcTicks).Append(period.UtcEnd.UtcTicks).ToArray();
        var anywhere = Gen.Long[period.UtcStart.AddDays(-3).UtcTicks, period.UtcEnd.AddDays(3).UtcTicks];
        var nearBoundary = Gen.Select(Gen.Int[0, boundaries.Length - 1], Gen.Long[-1, 1], (i, delta) => boundaries[i] + delta);
        var nearBoundaryMinutes = Gen.Select(Gen.Int[0, boundaries.Length - 1], Gen.Int[-90, 90], (i, minutes) => boundaries[i] + TimeSpan.FromMinutes(minutes).Ticks);
        return Gen.Select(Gen.OneOf<long>(anywhere, nearBoundary, nearBoundaryMinutes), Gen.Int[-12, 14], (ticks, offsetHours) =>
            new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offsetHours)));
    }

    public static Gen<OrderFact> Order(ReportingPeriod period) =>
        Gen.Select(Instant(period), Gen.Enum<OrderStatus>(), (at, status) => new OrderFact(OrderId.New(), at, status, null));

    /// <summary>Leads around the period, maybe won and/or lost up to 60 days after creation (a few both).</summary>
    public static Gen<LeadFact> Lead(ReportingPeriod period)
    {
        var later = Gen.Int[0, 60 * 24].Select(hours => (TimeSpan?)TimeSpan.FromHours(hours));
        var maybeLater = Gen.Frequency((1, Gen.Const((TimeSpan?)null)), (1, later));
        return Gen.Select(Instant(period), maybeLater, maybeLater, Gen.Int[0, _sources.Length - 1], Gen.Int[-1, _owners.Length - 1], Gen.Int[-1, _campaigns.Length - 1])
            .Select(t => new LeadFact(
                LeadId.New(),
                t.Item1,
                t.Item1 + t.Item2,
                t.Item1 + t.Item3,
                _sources[t.Item4]!,
                t.Item5 < 0 ? null : _owners[t.Item5],
                t.Item6 < 0 ? null : _campaigns[t.Item6]));
    }

    /// <summary>Invoice lines (and negative credit-note lines) around the period, in euros only or in three currencies.</summary>
    public static Gen<RevenueFact> Revenue(ReportingPeriod period, bool eurosOnly) =>
        Gen.Select(Instant(period), Gen.Int[0, _segments.Length - 1], Gen.Int[0, eurosOnly ? 0 : _currencies.Length - 1], Gen.Long[-2_000_000_000, 9_000_000_000], (at, segment, currency, minor) =>
            new RevenueFact(at, _segments[segment], Money.FromMinorUnits(minor, _currencies[currency])));

    /// <summary>The facts as generated, or sorted by their instant (as an adapter reading in time order gives them).</summary>
    public static Gen<T[]> MaybeSorted<T>(Gen<T[]> facts, Func<T, DateTimeOffset> at) =>
        Gen.Select(facts, Gen.Bool, (array, sort) => sort ? [.. array.OrderBy(at)] : array);

    /// <summary>Asserts that two results have the same JSON, which compares every member, lists included.</summary>
    public static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, EcoDriveJson.Options), JsonSerializer.Serialize(actual, EcoDriveJson.Options));
}
