using System.Globalization;
using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// A reporting period: the local dates [<see cref="From"/>, <see cref="To"/>) in a reporting time zone (default
/// <c>Europe/Paris</c>), cut into <see cref="Buckets"/> of one <see cref="TimeBucket"/> unit.
/// </summary>
/// <remarks>
/// <para>
/// The bucket boundaries are computed once, at construction, as UTC instants: each is local midnight of a bucket's first
/// date converted with the time zone's rules, so daylight-saving days are 23 or 25 hours long and a fact at
/// <c>2026-01-31T23:30Z</c> falls in February in Paris. ISO weeks start on Monday. The first and last buckets are
/// clipped to the period.
/// </para>
/// <para>
/// Finding the bucket of an instant (<see cref="BucketIndexOf"/>) is a binary search of its UTC ticks in those
/// boundaries, with no time-zone conversion per fact.
/// </para>
/// <para>
/// Where local midnight does not exist (a zone whose clocks jump forward at midnight), the day starts at the
/// transition; where it happens twice, at its first occurrence.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality compares the dates, the bucket unit and the time zone's id.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(ReportingPeriodJsonConverter))]
public sealed class ReportingPeriod : IEquatable<ReportingPeriod>
{
    /// <summary>The IANA id of the default reporting time zone: <c>Europe/Paris</c>.</summary>
    public const string DefaultTimeZoneId = "Europe/Paris";

    private readonly long[] _boundaryTicks;
    private readonly ReportingBucket[] _buckets;
    private BucketLookup? _lookup;

    /// <summary>Creates the period [<paramref name="from"/>, <paramref name="to"/>) cut into <paramref name="bucket"/> units.</summary>
    /// <param name="from">The first local date of the period.</param>
    /// <param name="to">The first local date after the period; must be after <paramref name="from"/>.</param>
    /// <param name="bucket">How the period is cut into buckets.</param>
    /// <param name="timeZone">The reporting time zone; <see langword="null"/> for <see cref="DefaultTimeZone"/> (<c>Europe/Paris</c>).</param>
    /// <exception cref="InvalidInputException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="bucket"/> is not a defined <see cref="TimeBucket"/>.</exception>
    /// <exception cref="TimeZoneNotFoundException"><paramref name="timeZone"/> is <see langword="null"/> and this system has no <c>Europe/Paris</c> zone.</exception>
    public ReportingPeriod(DateOnly from, DateOnly to, TimeBucket bucket, TimeZoneInfo? timeZone = null)
    {
        if (to <= from)
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, 
                FormattableString.Invariant($"A reporting period must end after it starts: 'to' ({to:yyyy-MM-dd}) is not after 'from' ({from:yyyy-MM-dd}). 'to' is exclusive: use the day after the last day to report."),
                nameof(to));
        }

        if (!Enum.IsDefined(bucket))
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"{(int)bucket} is not a time bucket.", nameof(bucket));
        }

        From = from;
        To = to;
        Bucket = bucket;
        TimeZone = timeZone ?? DefaultTimeZone;
        (_buckets, _boundaryTicks) = BuildBuckets(from, to, bucket, TimeZone);
    }

    /// <summary>The default reporting time zone, <c>Europe/Paris</c>, from the system's time-zone database.</summary>
    /// <exception cref="TimeZoneNotFoundException">This system has no <c>Europe/Paris</c> zone.</exception>
    public static TimeZoneInfo DefaultTimeZone => TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);

    /// <summary>The first local date of the period.</summary>
    public DateOnly From { get; }

    /// <summary>The first local date after the period (exclusive end).</summary>
    public DateOnly To { get; }

    /// <summary>How the period is cut into <see cref="Buckets"/>.</summary>
    public TimeBucket Bucket { get; }

    /// <summary>The reporting time zone the local dates are in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Local midnight starting <see cref="From"/>, as a UTC instant (offset zero): the first instant of the period.</summary>
    public DateTimeOffset UtcStart => _buckets[0].UtcStart;

    /// <summary>Local midnight starting <see cref="To"/>, as a UTC instant (offset zero): the first instant after the period.</summary>
    public DateTimeOffset UtcEnd => _buckets[^1].UtcEnd;

    /// <summary>The buckets in chronological order, contiguous, covering the period exactly; never empty.</summary>
    public IReadOnlyList<ReportingBucket> Buckets => _buckets;

    /// <summary>Whether <paramref name="instant"/> falls in [<see cref="UtcStart"/>, <see cref="UtcEnd"/>).</summary>
    /// <param name="instant">Any instant; its offset does not matter.</param>
    /// <returns><see langword="true"/> when the instant is in the period.</returns>
    public bool Contains(DateTimeOffset instant) => ContainsUtcTicks(instant.UtcTicks);

    /// <summary>The index in <see cref="Buckets"/> of the bucket containing <paramref name="instant"/>, found by binary search.</summary>
    /// <param name="instant">Any instant; its offset does not matter.</param>
    /// <returns>The bucket index, or <c>-1</c> when the instant is outside the period.</returns>
    public int BucketIndexOf(DateTimeOffset instant) => BucketIndexOfUtcTicks(instant.UtcTicks);

    /// <summary>
    /// The period of the same length just before this one, with the same bucket unit and time zone. A period of whole
    /// calendar months (both ends on the 1st) steps back by the same number of months, so March gives February and a
    /// quarter the previous quarter; any other period steps back by its number of days.
    /// </summary>
    /// <returns>The previous period, ending on <see cref="From"/>.</returns>
    /// <exception cref="InvalidInputException">The previous period would start before <see cref="DateOnly.MinValue"/>.</exception>
    public ReportingPeriod Previous()
    {
        if (From.Day == 1 && To.Day == 1)
        {
            var months = ((To.Year - From.Year) * 12) + To.Month - From.Month;
            return new ReportingPeriod(From.AddMonths(-months), From, Bucket, TimeZone);
        }

        return new ReportingPeriod(From.AddDays(From.DayNumber - To.DayNumber), From, Bucket, TimeZone);
    }

    /// <inheritdoc />
    public bool Equals(ReportingPeriod? other) =>
        other is not null
        && From == other.From
        && To == other.To
        && Bucket == other.Bucket
        && string.Equals(TimeZone.Id, other.TimeZone.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportingPeriod);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From, To, Bucket, TimeZone.Id);

    /// <summary>The dates, bucket unit and zone, e.g. <c>[2026-03-01, 2026-04-01) by Day in Europe/Paris</c>.</summary>
    /// <returns>A readable description of the period.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"[{From:yyyy-MM-dd}, {To:yyyy-MM-dd}) by {Bucket} in {TimeZone.Id}");

    /// <summary>The UTC ticks of the bucket boundaries: bucket <c>i</c> is [<c>[i]</c>, <c>[i + 1]</c>); one more than the buckets.</summary>
    internal ReadOnlySpan<long> BoundaryTicks => _boundaryTicks;

    /// <summary>The O(1) instant-to-bucket table, built on first use (see <see cref="BucketLookup"/>).</summary>
    internal BucketLookup Lookup => _lookup ??= new BucketLookup(_boundaryTicks);

    internal bool ContainsUtcTicks(long utcTicks) => utcTicks >= _boundaryTicks[0] && utcTicks < _boundaryTicks[^1];

    internal int BucketIndexOfUtcTicks(long utcTicks)
    {
        if (!ContainsUtcTicks(utcTicks))
        {
            return -1;
        }

        // Boundaries are strictly increasing: an exact hit starts that bucket; otherwise the complement is the index
        // of the first boundary after the instant, whose bucket is the one before it.
        var index = Array.BinarySearch(_boundaryTicks, utcTicks);
        return index >= 0 ? index : ~index - 1;
    }

    private static (ReportingBucket[] Buckets, long[] BoundaryTicks) BuildBuckets(DateOnly from, DateOnly to, TimeBucket unit, TimeZoneInfo zone)
    {
        var buckets = new List<ReportingBucket>();
        var boundaries = new List<long>();
        var start = from;
        var startUtc = LocalMidnightToUtc(start, zone);
        boundaries.Add(startUtc.UtcTicks);
        while (start < to)
        {
            var next = NextBucketStart(start, unit, to);
            var nextUtc = LocalMidnightToUtc(next, zone);
            buckets.Add(new ReportingBucket(start, next, startUtc, nextUtc, Label(start, unit)));
            boundaries.Add(nextUtc.UtcTicks);
            (start, startUtc) = (next, nextUtc);
        }

        return ([.. buckets], [.. boundaries]);
    }

    private static DateOnly NextBucketStart(DateOnly date, TimeBucket unit, DateOnly to)
    {
        // Computed from the unit containing 'date', then clipped to the period, so the year 9999 never overflows.
        var next = unit switch
        {
            TimeBucket.Day => date.DayNumber + 1,
            TimeBucket.IsoWeek => date.DayNumber + 7 - (((int)date.DayOfWeek + 6) % 7),
            TimeBucket.Month => FirstOfMonthAfter(date.Year, date.Month).DayNumber,
            TimeBucket.Quarter => FirstOfMonthAfter(date.Year, (((date.Month - 1) / 3) * 3) + 3).DayNumber,
            _ => FirstOfMonthAfter(date.Year, 12).DayNumber,
        };
        return next >= to.DayNumber ? to : DateOnly.FromDayNumber(next);
    }

    private static DateOnly FirstOfMonthAfter(int year, int month) =>
        month == 12
            ? (year == DateOnly.MaxValue.Year ? DateOnly.MaxValue : new DateOnly(year + 1, 1, 1))
            : new DateOnly(year, month + 1, 1);

    private static DateTimeOffset LocalMidnightToUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Clocks jumped forward over midnight: the day starts at the transition, i.e. at midnight read with the
            // offset in force just before it.
            offset = zone.GetUtcOffset(local.AddHours(-12));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // Midnight happens twice: the day starts at the first one, which has the larger (pre-transition) offset.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    private static string Label(DateOnly start, TimeBucket unit) => unit switch
    {
        TimeBucket.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeBucket.IsoWeek => FormattableString.Invariant(
            $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
        TimeBucket.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimeBucket.Quarter => FormattableString.Invariant($"{start.Year:0000}-Q{((start.Month - 1) / 3) + 1}"),
        _ => start.Year.ToString("0000", CultureInfo.InvariantCulture),
    };
}
