using CsCheck;
using EcoDrive.Core;

namespace EcoDrive.Kpi.Tests;

public sealed partial class NewOrdersCalculatorTests
{
    // Zones with DST at 02:00 (Paris, New York), a 30-minute DST shift (Lord Howe), none (UTC, Kolkata), and clocks
    // that change at midnight (Santiago jumps over it, Havana repeats it).
    private static readonly string[] _zoneIds =
        ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Etc/UTC", "Asia/Kolkata", "America/Santiago", "America/Havana"];

    private static readonly Gen<ReportingPeriod> _period =
        Gen.Select(Gen.Int[0, 3650], Gen.Int[1, 500], Gen.Enum<TimeBucket>(), Gen.OneOf(_zoneIds), (start, days, bucket, zoneId) =>
        {
            var from = new DateOnly(2020, 1, 1).AddDays(start);
            return new ReportingPeriod(from, from.AddDays(days), bucket, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        });

    [Fact]
    public void Compute_RandomOrders_MatchesPerRowTimeZoneConversionReference()
    {
        var gen = _period.SelectMany(period => Orders(period).Array[0, 60].Select(orders => (period, orders)));

        gen.Sample(
            (period, orders) =>
            {
                var report = NewOrdersCalculator.Compute(period, orders);
                var expected = Reference(period, orders);

                foreach (var bucket in report.Buckets)
                {
                    var (count, cancelled) = expected.GetValueOrDefault(bucket.Bucket.LocalStart);
                    Assert.Equal(count, bucket.Orders);
                    Assert.Equal(cancelled, bucket.Cancelled);
                }

                Assert.Equal(expected.Values.Sum(v => v.Count), report.TotalOrders);
                Assert.Equal(expected.Values.Sum(v => v.Cancelled), report.TotalCancelled);
            },
            iter: 1000,
            print: t => $"{t.Item1} with {t.Item2.Length} orders: {string.Join(", ", t.Item2.Select(o => o.SubmittedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    /// <summary>Orders around the period: anywhere within three days of it, or within a tick or 90 minutes of a boundary.</summary>
    private static Gen<OrderFact> Orders(ReportingPeriod period)
    {
        var boundaries = period.Buckets.Select(b => b.UtcStart.UtcTicks).Append(period.UtcEnd.UtcTicks).ToArray();
        var anywhere = Gen.Long[period.UtcStart.AddDays(-3).UtcTicks, period.UtcEnd.AddDays(3).UtcTicks];
        var nearBoundary = Gen.Select(Gen.Int[0, boundaries.Length - 1], Gen.Long[-1, 1], (i, delta) => boundaries[i] + delta);
        var nearBoundaryMinutes = Gen.Select(Gen.Int[0, boundaries.Length - 1], Gen.Int[-90, 90], (i, minutes) => boundaries[i] + TimeSpan.FromMinutes(minutes).Ticks);
        var ticks = Gen.OneOf<long>(anywhere, nearBoundary, nearBoundaryMinutes);

        return Gen.Select(ticks, Gen.Int[-12, 14], Gen.Enum<OrderStatus>(), (utcTicks, offsetHours, status) =>
            new OrderFact(OrderId.New(), new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offsetHours)), status, null));
    }

    /// <summary>The straightforward way: convert each order to local time, take its local date, group by the bucket's first date.</summary>
    private static Dictionary<DateOnly, (int Count, int Cancelled)> Reference(ReportingPeriod period, OrderFact[] orders) =>
        orders
            .Select(order => (order, local: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.SubmittedAt, period.TimeZone).DateTime)))
            .Where(x => x.local >= period.From && x.local < period.To)
            .GroupBy(x => BucketStart(x.local, period))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(x => x.order.Status == OrderStatus.Cancelled)));

    private static DateOnly BucketStart(DateOnly date, ReportingPeriod period)
    {
        var start = period.Bucket switch
        {
            TimeBucket.Day => date,
            TimeBucket.IsoWeek => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
            TimeBucket.Month => new DateOnly(date.Year, date.Month, 1),
            TimeBucket.Quarter => new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
            _ => new DateOnly(date.Year, 1, 1),
        };
        return start < period.From ? period.From : start;
    }
}
