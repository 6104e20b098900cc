using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-03-01")]
    [InlineData("2026-03-02", "2026-03-01")]
    public void Constructor_WhenToIsNotAfterFrom_ThrowsArgumentExceptionNamingTo(string from, string to)
    {
        var exception = Assert.Throws<InvalidInputException>(() =>
            new ReportingPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), TimeBucket.Day, Paris));

        Assert.Equal("to", exception.ParamName);
    }

    [Fact]
    public void Constructor_WhenBucketIsUndefined_ThrowsArgumentOutOfRangeException()
    {
        var exception = Assert.Throws<InvalidInputException>(() =>
            new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), (TimeBucket)42, Paris));

        Assert.Equal("bucket", exception.ParamName);
    }

    [Fact]
    public void Constructor_WithoutTimeZone_UsesEuropeParis()
    {
        var period = new ReportingPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), TimeBucket.Month);

        Assert.Equal(ReportingPeriod.DefaultTimeZoneId, period.TimeZone.Id);
        Assert.Equal(Utc(2025, 12, 31, 23), period.UtcStart);
        Assert.Equal(Utc(2026, 1, 31, 23), period.UtcEnd);
    }

    [Fact]
    public void Buckets_DayOfSpringForwardInParis_Is23HoursLong()
    {
        var period = Period(new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 31));

        var day = Assert.Single(period.Buckets, b => b.LocalStart == new DateOnly(2026, 3, 29));

        Assert.Equal(Utc(2026, 3, 28, 23), day.UtcStart);
        Assert.Equal(Utc(2026, 3, 29, 22), day.UtcEnd);
        Assert.Equal(TimeSpan.FromHours(23), day.Duration);
        Assert.Equal(TimeSpan.FromHours(24), period.Buckets[0].Duration);
        Assert.Equal(TimeSpan.FromHours(24), period.Buckets[2].Duration);
    }

    [Fact]
    public void Buckets_DayOfFallBackInParis_Is25HoursLong()
    {
        var period = Period(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 26));

        var day = Assert.Single(period.Buckets);

        Assert.Equal(Utc(2026, 10, 24, 22), day.UtcStart);
        Assert.Equal(Utc(2026, 10, 25, 23), day.UtcEnd);
        Assert.Equal(TimeSpan.FromHours(25), day.Duration);
    }

    [Fact]
    public void Buckets_DayWhoseMidnightIsSkipped_StartsAtTheTransition()
    {
        // Santiago moves from UTC-4 to UTC-3 at local midnight on Sunday 2026-09-06: 00:00 never happens.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var period = new ReportingPeriod(new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 7), TimeBucket.Day, santiago);

        Assert.Equal(Utc(2026, 9, 6, 4), period.Buckets[1].UtcStart);
        Assert.Equal(TimeSpan.FromHours(24), period.Buckets[0].Duration);
        Assert.Equal(TimeSpan.FromHours(23), period.Buckets[1].Duration);
    }

    [Fact]
    public void Buckets_DayWhoseMidnightIsRepeated_StartsAtTheFirstMidnight()
    {
        // Havana moves from UTC-4 back to UTC-5 at 01:00 on Sunday 2026-11-01: 00:00 to 01:00 happens twice.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var period = new ReportingPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), TimeBucket.Day, havana);

        var day = Assert.Single(period.Buckets);
        Assert.Equal(Utc(2026, 11, 1, 4), day.UtcStart);
        Assert.Equal(TimeSpan.FromHours(25), day.Duration);
    }

    [Fact]
    public void BucketIndexOf_InstantAfterLocalMidnightOnDstNight_FallsOnNextLocalDay()
    {
        var period = Period(new DateOnly(2026, 3, 23), new DateOnly(2026, 4, 6));

        var index = period.BucketIndexOf(Utc(2026, 3, 29, 22, 30));

        Assert.Equal(new DateOnly(2026, 3, 30), period.Buckets[index].LocalStart);
    }

    [Fact]
    public void BucketIndexOf_OffsetOfTheInstant_DoesNotMatter()
    {
        var period = Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), TimeBucket.Month);
        var instant = Utc(2026, 1, 31, 23, 30);

        Assert.Equal(1, period.BucketIndexOf(instant));
        Assert.Equal(1, period.BucketIndexOf(instant.ToOffset(TimeSpan.FromHours(-10))));
        Assert.Equal(1, period.BucketIndexOf(instant.ToOffset(TimeSpan.FromHours(14))));
    }

    [Fact]
    public void BucketIndexOf_AtPeriodEdges_IncludesStartAndExcludesEnd()
    {
        var period = Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), TimeBucket.Month);

        Assert.Equal(0, period.BucketIndexOf(period.UtcStart));
        Assert.Equal(-1, period.BucketIndexOf(period.UtcStart.AddTicks(-1)));
        Assert.Equal(1, period.BucketIndexOf(period.UtcEnd.AddTicks(-1)));
        Assert.Equal(-1, period.BucketIndexOf(period.UtcEnd));
        Assert.False(period.Contains(period.UtcEnd));
        Assert.True(period.Contains(period.UtcStart));
    }

    [Fact]
    public void Buckets_Month_StartAtParisMidnight()
    {
        var period = Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 1), TimeBucket.Month);

        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04"], period.Buckets.Select(b => b.Label));
        Assert.Equal(Utc(2026, 1, 31, 23), period.Buckets[1].UtcStart);
        Assert.Equal(Utc(2026, 3, 31, 22), period.Buckets[3].UtcStart);
        Assert.Equal(Utc(2026, 4, 30, 22), period.UtcEnd);
    }

    [Fact]
    public void Buckets_IsoWeek_StartOnMondayAndClipToThePeriod()
    {
        // 2026-03-01 is a Sunday, 2026-04-01 a Wednesday.
        var period = Period(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.IsoWeek);

        Assert.Equal(
            [new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30)],
            period.Buckets.Select(b => b.LocalStart));
        Assert.All(period.Buckets.Skip(1), b => Assert.Equal(DayOfWeek.Monday, b.LocalStart.DayOfWeek));
        Assert.Equal(new DateOnly(2026, 3, 2), period.Buckets[0].LocalEnd);
        Assert.Equal(new DateOnly(2026, 4, 1), period.Buckets[^1].LocalEnd);
        Assert.Equal(["2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14"], period.Buckets.Select(b => b.Label));
    }

    [Fact]
    public void Buckets_IsoWeekContainingSpringForward_Is167HoursLong()
    {
        var period = Period(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 30), TimeBucket.IsoWeek);

        var week = Assert.Single(period.Buckets);

        Assert.Equal(TimeSpan.FromHours((7 * 24) - 1), week.Duration);
    }

    [Fact]
    public void Buckets_IsoWeekAcrossNewYear_UseTheIsoWeekYear()
    {
        // 2027-01-01 is a Friday: it belongs to ISO week 53 of 2026, which started on Monday 2026-12-28.
        var period = Period(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 11), TimeBucket.IsoWeek);

        Assert.Equal(["2026-W53", "2027-W01"], period.Buckets.Select(b => b.Label));
        Assert.Equal(new DateOnly(2027, 1, 4), period.Buckets[1].LocalStart);
    }

    [Fact]
    public void Buckets_QuarterAndYear_FollowTheCalendar()
    {
        var quarters = Period(new DateOnly(2025, 11, 15), new DateOnly(2026, 8, 1), TimeBucket.Quarter);
        var years = Period(new DateOnly(2025, 6, 1), new DateOnly(2027, 1, 1), TimeBucket.Year);

        Assert.Equal(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"], quarters.Buckets.Select(b => b.Label));
        Assert.Equal(new DateOnly(2025, 11, 15), quarters.Buckets[0].LocalStart);
        Assert.Equal(new DateOnly(2026, 7, 1), quarters.Buckets[^1].LocalStart);
        Assert.Equal(new DateOnly(2026, 8, 1), quarters.Buckets[^1].LocalEnd);
        Assert.Equal(["2025", "2026"], years.Buckets.Select(b => b.Label));
    }

    [Fact]
    public void Buckets_OfAnyPeriod_AreContiguousAndCoverIt()
    {
        var period = Period(new DateOnly(2025, 12, 17), new DateOnly(2026, 11, 3), TimeBucket.IsoWeek);

        Assert.Equal(period.UtcStart, period.Buckets[0].UtcStart);
        Assert.Equal(period.UtcEnd, period.Buckets[^1].UtcEnd);
        for (var i = 1; i < period.Buckets.Count; i++)
        {
            Assert.Equal(period.Buckets[i - 1].UtcEnd, period.Buckets[i].UtcStart);
            Assert.Equal(period.Buckets[i - 1].LocalEnd, period.Buckets[i].LocalStart);
        }
    }

    [Fact]
    public void Previous_OfWholeMonth_IsThePreviousMonth()
    {
        var march = Month(2026, 3);

        var previous = march.Previous();

        Assert.Equal(new DateOnly(2026, 2, 1), previous.From);
        Assert.Equal(new DateOnly(2026, 3, 1), previous.To);
        Assert.Equal(march.Bucket, previous.Bucket);
        Assert.Equal(march.TimeZone, previous.TimeZone);
    }

    [Fact]
    public void Previous_OfArbitraryDays_IsTheSameNumberOfDaysJustBefore()
    {
        var period = Period(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 17), TimeBucket.Day);

        var previous = period.Previous();

        Assert.Equal(new DateOnly(2026, 3, 3), previous.From);
        Assert.Equal(new DateOnly(2026, 3, 10), previous.To);
        Assert.Equal(previous.UtcEnd, period.UtcStart);
    }

    [Fact]
    public void Equals_SameDatesBucketAndZone_IsTrue()
    {
        Assert.Equal(Month(2026, 3), Month(2026, 3));
        Assert.Equal(Month(2026, 3).GetHashCode(), Month(2026, 3).GetHashCode());
        Assert.NotEqual(Month(2026, 3), Month(2026, 3, TimeBucket.IsoWeek));
        Assert.NotEqual(Month(2026, 3), new ReportingPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TimeBucket.Day, TimeZoneInfo.Utc));
    }

    [Fact]
    public void ToString_ShowsDatesBucketAndZone()
    {
        Assert.Equal("[2026-03-01, 2026-04-01) by Day in Europe/Paris", Month(2026, 3).ToString());
    }
}
