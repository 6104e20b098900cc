using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// The inner loops of the fast path, over spans of columns: no allocation, no time-zone conversion, no per-row call.
/// Each has a portable scalar form and, where it pays, an AVX-512 form (8 rows per instruction) used when the processor
/// has it; both give the same result.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>
    /// Adds <paramref name="values"/>[i] to <paramref name="sums"/>[<paramref name="keys"/>[i]], and 1 to
    /// <paramref name="counts"/>[<paramref name="keys"/>[i]], for the rows that pass <paramref name="filter"/>. With
    /// <paramref name="checkOverflow"/> every addition to a sum is checked.
    /// </summary>
    /// <exception cref="OverflowException"><paramref name="checkOverflow"/> and a sum left the range of <see cref="long"/>.</exception>
    public static void SumByKey<TFilter>(TFilter filter, ReadOnlySpan<long> ticks, ReadOnlySpan<byte> keys, ReadOnlySpan<long> values, Span<long> sums, Span<long> counts, bool checkOverflow)
        where TFilter : struct, ITimeFilter
    {
        var start = 0;
        if (!checkOverflow && sums.Length <= 4 && Avx512F.IsSupported && keys.Length >= 8)
        {
            start = SumByKeyUpTo4Avx512(filter, ticks, keys, values, sums, counts);
        }

        ref var key = ref MemoryMarshal.GetReference(keys);
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var tick = ref MemoryMarshal.GetReference(ticks);
        for (var i = start; i < keys.Length; i++)
        {
            if (!filter.ReadsTicks || filter.Passes(Unsafe.Add(ref tick, i)))
            {
                int code = Unsafe.Add(ref key, i);
                counts[code]++;
                ref var sum = ref sums[code];
                sum = checkOverflow ? checked(sum + Unsafe.Add(ref value, i)) : sum + Unsafe.Add(ref value, i);
            }
        }
    }

    /// <summary>Counts the occurrences of each code 0..<paramref name="counts"/>.Length - 1 in <paramref name="codes"/>; every code must be below that.</summary>
    public static void CountCodes(ReadOnlySpan<byte> codes, Span<long> counts)
    {
        var start = 0;
        if (Vector512.IsHardwareAccelerated && counts.Length <= 16)
        {
            ref var first = ref MemoryMarshal.GetReference(codes);
            var last = codes.Length - Vector512<byte>.Count;
            for (; start <= last; start += Vector512<byte>.Count)
            {
                var block = Vector512.LoadUnsafe(ref first, (nuint)start);
                for (var code = 0; code < counts.Length; code++)
                {
                    counts[code] += BitOperations.PopCount(Vector512.Equals(block, Vector512.Create((byte)code)).ExtractMostSignificantBits());
                }
            }
        }

        foreach (var code in codes[start..])
        {
            counts[code]++;
        }
    }

    /// <summary>The index of the first element of the sorted <paramref name="ticks"/> that is not below <paramref name="value"/>.</summary>
    public static int LowerBound(ReadOnlySpan<long> ticks, long value)
    {
        int low = 0, high = ticks.Length;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (ticks[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Rows per call of <see cref="CountOutcomes"/>: each packed field holds 21 bits, so a chunk never overflows one.</summary>
    public const int OutcomeChunk = 1 << 20;

    /// <summary>Counters per code for the sources and campaigns in <see cref="CountOutcomes"/>.</summary>
    public const int Lanes = 4;

    private const int FieldBits = 21;
    private const long FieldMask = (1L << FieldBits) - 1;

    /// <summary>
    /// For each lead of <paramref name="leads"/> (at most <see cref="OutcomeChunk"/>) kept by <paramref name="filter"/>,
    /// adds a packed counter — 1 lead, plus 1 won if won by <paramref name="asOfTicks"/>, else plus 1 lost if lost by
    /// then — to its source's, its owner's and its campaign's counters. Sources and campaigns, where a few codes take
    /// most leads, have <see cref="Lanes"/> counters per code (<c>code * Lanes + row % Lanes</c>) so that consecutive
    /// leads of one code do not wait on each other's store; <see cref="UnpackOutcomes"/> folds them. Branch-free.
    /// </summary>
    public static void CountOutcomes<TFilter>(TFilter filter, LeadColumns leads, long asOfTicks, Span<long> sources, Span<long> owners, Span<long> campaigns)
        where TFilter : struct, ITimeFilter
    {
        var length = leads.Sources.Length;
        if (leads.CreatedAt.Length != length || leads.WonAt.Length != length || leads.LostAt.Length != length
            || leads.Owners.Length != length || leads.Campaigns.Length != length)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, "The lead columns differ in length.", nameof(leads));
        }

        // Codes index the counters unchecked: the table's dictionaries guarantee they are below their counts, and the
        // caller sizes the counters from those counts.
        ref var sourceCounters = ref MemoryMarshal.GetReference(sources);
        ref var ownerCounters = ref MemoryMarshal.GetReference(owners);
        ref var campaignCounters = ref MemoryMarshal.GetReference(campaigns);
        ref var created = ref MemoryMarshal.GetReference(leads.CreatedAt);
        ref var wonAt = ref MemoryMarshal.GetReference(leads.WonAt);
        ref var lostAt = ref MemoryMarshal.GetReference(leads.LostAt);
        ref var source = ref MemoryMarshal.GetReference(leads.Sources);
        ref var owner = ref MemoryMarshal.GetReference(leads.Owners);
        ref var campaign = ref MemoryMarshal.GetReference(leads.Campaigns);
        for (var i = 0; i < length; i++)
        {
            var increment = Increment(filter, ref created, ref wonAt, ref lostAt, i, asOfTicks);
            var lane = i & (Lanes - 1);
            Unsafe.Add(ref sourceCounters, (Unsafe.Add(ref source, i) * Lanes) + lane) += increment;
            Unsafe.Add(ref ownerCounters, Unsafe.Add(ref owner, i)) += increment;
            Unsafe.Add(ref campaignCounters, (Unsafe.Add(ref campaign, i) * Lanes) + lane) += increment;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Increment<TFilter>(TFilter filter, ref long created, ref long wonAt, ref long lostAt, int i, long asOfTicks)
        where TFilter : struct, ITimeFilter
    {
        var won = Unsafe.Add(ref wonAt, i) <= asOfTicks ? 1L : 0L;
        var lost = Unsafe.Add(ref lostAt, i) <= asOfTicks ? 1L - won : 0L;
        var increment = 1L | (won << FieldBits) | (lost << (2 * FieldBits));
        return filter.ReadsTicks && !filter.Passes(Unsafe.Add(ref created, i)) ? 0L : increment;
    }

    /// <summary>
    /// Adds the packed counters of <see cref="CountOutcomes"/> to <paramref name="totals"/> as (leads, won, lost) triples,
    /// one per code, folding <paramref name="lanes"/> consecutive counters into each.
    /// </summary>
    public static void UnpackOutcomes(ReadOnlySpan<long> packed, int lanes, Span<long> totals)
    {
        for (var counter = 0; counter < packed.Length; counter++)
        {
            var value = packed[counter];
            var code = counter / lanes;
            totals[code * 3] += value & FieldMask;
            totals[(code * 3) + 1] += (value >> FieldBits) & FieldMask;
            totals[(code * 3) + 2] += (value >> (2 * FieldBits)) & FieldMask;
        }
    }

    private static int SumByKeyUpTo4Avx512<TFilter>(TFilter filter, ReadOnlySpan<long> ticks, ReadOnlySpan<byte> keys, ReadOnlySpan<long> values, Span<long> sums, Span<long> counts)
        where TFilter : struct, ITimeFilter
    {
        ref var key = ref MemoryMarshal.GetReference(keys);
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var tick = ref MemoryMarshal.GetReference(ticks);
        Vector512<long> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
        Vector512<long> count0 = default, count1 = default, count2 = default, count3 = default;
        var one = Vector512<long>.One;
        var two = Vector512.Create(2L);
        var three = Vector512.Create(3L);
        var i = 0;
        for (; i <= keys.Length - 8; i += 8)
        {
            var code = Avx512F.ConvertToVector512Int64(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref key, i))).AsByte());
            var amount = Vector512.LoadUnsafe(ref value, (nuint)i);
            var kept = filter.ReadsTicks ? filter.Mask(Vector512.LoadUnsafe(ref tick, (nuint)i)) : Vector512<long>.AllBitsSet;

            // A lane's mask is all ones (-1) when it matches: AND keeps its amount, subtracting counts it.
            var is0 = Vector512.Equals(code, Vector512<long>.Zero) & kept;
            var is1 = Vector512.Equals(code, one) & kept;
            var is2 = Vector512.Equals(code, two) & kept;
            var is3 = Vector512.Equals(code, three) & kept;
            sum0 += amount & is0;
            sum1 += amount & is1;
            sum2 += amount & is2;
            sum3 += amount & is3;
            count0 -= is0;
            count1 -= is1;
            count2 -= is2;
            count3 -= is3;
        }

        Span<long> lanes = [Vector512.Sum(sum0), Vector512.Sum(sum1), Vector512.Sum(sum2), Vector512.Sum(sum3)];
        Span<long> rows = [Vector512.Sum(count0), Vector512.Sum(count1), Vector512.Sum(count2), Vector512.Sum(count3)];
        for (var k = 0; k < sums.Length; k++)
        {
            sums[k] += lanes[k];
            counts[k] += rows[k];
        }

        return i;
    }
}

/// <summary>Which rows a kernel keeps, by their UTC ticks; a struct so that the JIT specialises each kernel for it.</summary>
internal interface ITimeFilter
{
    /// <summary>Whether the kernel must read the ticks at all.</summary>
    bool ReadsTicks { get; }

    /// <summary>Whether a row with these ticks is kept.</summary>
    bool Passes(long ticks);

    /// <summary>All bits set in the lanes whose ticks are kept, zero elsewhere.</summary>
    Vector512<long> Mask(Vector512<long> ticks);
}

/// <summary>Keeps every row: the rows were already cut to the period by binary search in sorted ticks.</summary>
internal readonly struct AllRows : ITimeFilter
{
    public bool ReadsTicks => false;

    public bool Passes(long ticks) => true;

    public Vector512<long> Mask(Vector512<long> ticks) => Vector512<long>.AllBitsSet;
}

/// <summary>Keeps the rows whose ticks are in [start, end).</summary>
internal readonly struct TicksInRange(long start, long end) : ITimeFilter
{
    public bool ReadsTicks => true;

    public bool Passes(long ticks) => (ulong)(ticks - start) < (ulong)(end - start);

    public Vector512<long> Mask(Vector512<long> ticks) =>
        Vector512.GreaterThanOrEqual(ticks, Vector512.Create(start)) & Vector512.LessThan(ticks, Vector512.Create(end));
}

/// <summary>The columns of a slice of a <see cref="LeadFacts"/> table, all of the same length.</summary>
internal readonly ref struct LeadColumns(ReadOnlySpan<long> createdAt, ReadOnlySpan<long> wonAt, ReadOnlySpan<long> lostAt, ReadOnlySpan<byte> sources, ReadOnlySpan<ushort> owners, ReadOnlySpan<ushort> campaigns)
{
    public ReadOnlySpan<long> CreatedAt { get; } = createdAt;

    public ReadOnlySpan<long> WonAt { get; } = wonAt;

    public ReadOnlySpan<long> LostAt { get; } = lostAt;

    public ReadOnlySpan<byte> Sources { get; } = sources;

    public ReadOnlySpan<ushort> Owners { get; } = owners;

    public ReadOnlySpan<ushort> Campaigns { get; } = campaigns;
}
