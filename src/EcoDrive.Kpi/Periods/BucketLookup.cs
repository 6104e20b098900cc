namespace EcoDrive.Kpi;

/// <summary>
/// Finds the bucket of a UTC instant in O(1): the period is cut into slots of 2^<see cref="SlotShift"/> ticks, each
/// slot remembers the bucket its first tick falls in, and at most a few comparisons with the next boundaries finish
/// the job. No time-zone conversion and no binary search per instant.
/// </summary>
/// <remarks>
/// A slot is shorter than the shortest bucket whenever it can be (2^35 ticks is about 57 minutes; a day bucket lasts at
/// least 23 hours), so the correction loop runs once per instant; it stays correct for any boundaries. Periods too
/// long for a table of <see cref="MaxSlots"/> slots get longer slots, still exact. Immutable and thread-safe; built
/// once per <see cref="ReportingPeriod"/>.
/// </remarks>
internal sealed class BucketLookup
{
    private const int MaxSlots = 1 << 20;
    private readonly long[] _boundaries;
    private readonly int[] _slotBuckets;

    public BucketLookup(long[] boundaries)
    {
        _boundaries = boundaries;
        Start = boundaries[0];
        End = boundaries[^1];
        var length = (ulong)(End - Start);
        var shift = 35;
        while ((length >> shift) >= MaxSlots)
        {
            shift++;
        }

        SlotShift = shift;
        _slotBuckets = new int[(int)(length >> shift) + 1];
        var bucket = 0;
        for (var slot = 0; slot < _slotBuckets.Length; slot++)
        {
            var slotStart = Start + ((long)slot << shift);
            while (bucket < boundaries.Length - 2 && slotStart >= boundaries[bucket + 1])
            {
                bucket++;
            }

            _slotBuckets[slot] = bucket;
        }
    }

    /// <summary>The first tick of the period.</summary>
    public long Start { get; }

    /// <summary>The first tick after the period.</summary>
    public long End { get; }

    /// <summary>Log2 of the slot length in ticks.</summary>
    public int SlotShift { get; }

    /// <summary>The bucket index of <paramref name="utcTicks"/>, or -1 when it is outside the period.</summary>
    public int IndexOf(long utcTicks)
    {
        var offset = (ulong)(utcTicks - Start);
        if (offset >= (ulong)(End - Start))
        {
            return -1;
        }

        var bucket = _slotBuckets[(int)(offset >> SlotShift)];
        while (utcTicks >= _boundaries[bucket + 1])
        {
            bucket++;
        }

        return bucket;
    }
}
