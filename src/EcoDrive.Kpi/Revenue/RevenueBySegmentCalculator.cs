using System.Runtime.InteropServices;
using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>KPI 3: net revenue per product segment and currency over a <see cref="ReportingPeriod"/>. Pure and thread-safe.</summary>
public static class RevenueBySegmentCalculator
{
    /// <summary>
    /// Sums, per segment and currency, the <see cref="RevenueFact.Net"/> of the facts whose
    /// <see cref="RevenueFact.IssuedAt"/> falls in <paramref name="period"/>: invoice lines add, credit-note lines
    /// (negative) subtract, each in the period it was issued in. The sums are exact <see cref="decimal"/> additions.
    /// Facts issued outside the period are ignored.
    /// </summary>
    /// <param name="period">The reporting period; only its UTC start and end matter.</param>
    /// <param name="facts">The invoice and credit-note lines, in any order.</param>
    /// <returns>
    /// The report: every <see cref="ProductSegment.Standard"/> segment is listed in every currency seen (zero when it
    /// sold nothing) plus any other segment seen; when no fact is in the period, the standard segments at zero euros.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A fact in the period has <c>default</c> <see cref="ProductSegment"/> (no code).</exception>
    public static RevenueBySegmentReport Compute(ReportingPeriod period, IEnumerable<RevenueFact> facts)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(facts);

        var sums = new Sums(period.UtcStart.UtcTicks, period.UtcEnd.UtcTicks);
        switch (facts)
        {
            case RevenueFact[] array:
                sums.AddAll(array);
                break;
            case List<RevenueFact> list:
                sums.AddAll(CollectionsMarshal.AsSpan(list));
                break;
            default:
                foreach (var fact in facts)
                {
                    sums.Add(fact);
                }

                break;
        }

        return sums.ToReport(period);
    }

    /// <summary>
    /// The fast path of <see cref="Compute(ReportingPeriod, IEnumerable{RevenueFact})"/> over a columnar table: the same
    /// report, summed exactly in minor units. A table sorted by time is cut to the period by two binary searches and its
    /// lines are summed without testing their time; an unsorted one tests each line's ticks against the period's UTC
    /// bounds. No allocation per line; only the report is allocated.
    /// </summary>
    /// <param name="period">The reporting period; only its UTC start and end matter.</param>
    /// <param name="facts">The invoice and credit-note lines.</param>
    /// <returns>The report, as the record-based overload gives it for the same lines.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A sum does not fit a <see cref="long"/> of minor units (only possible when <see cref="RevenueFacts.SumsCannotOverflow"/> is false).</exception>
    public static RevenueBySegmentReport Compute(ReportingPeriod period, RevenueFacts facts)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(facts);
        Span<long> sums = stackalloc long[facts.Keys.Count];
        Span<long> lines = stackalloc long[facts.Keys.Count];
        SumMinorUnits(period, facts, sums, lines);

        // Only the keys with lines in the period are reported, as the record-based overload sees them.
        var keys = new List<SegmentCurrency>(sums.Length);
        Span<decimal> amounts = stackalloc decimal[sums.Length];
        for (var i = 0; i < sums.Length; i++)
        {
            if (lines[i] > 0)
            {
                amounts[keys.Count] = Money.FromMinorUnits(sums[i], facts.Keys[i].Currency).Amount;
                keys.Add(facts.Keys[i]);
            }
        }

        return BuildReport(period, keys, amounts[..keys.Count]);
    }

    /// <summary>
    /// The allocation-free core of <see cref="Compute(ReportingPeriod, RevenueFacts)"/>: adds the net minor units of the
    /// lines issued in <paramref name="period"/> to <paramref name="minorUnitsByKey"/>, indexed like
    /// <see cref="RevenueFacts.Keys"/>, and the number of those lines to <paramref name="linesByKey"/>.
    /// </summary>
    /// <param name="period">The reporting period; only its UTC start and end matter.</param>
    /// <param name="facts">The invoice and credit-note lines.</param>
    /// <param name="minorUnitsByKey">One running sum per key of <paramref name="facts"/>; added to, not cleared.</param>
    /// <param name="linesByKey">One running line count per key of <paramref name="facts"/>; added to, not cleared.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A span is shorter than <see cref="RevenueFacts.Keys"/>.</exception>
    /// <exception cref="OverflowException">A sum does not fit a <see cref="long"/> (only possible when <see cref="RevenueFacts.SumsCannotOverflow"/> is false).</exception>
    internal static void SumMinorUnits(ReportingPeriod period, RevenueFacts facts, Span<long> minorUnitsByKey, Span<long> linesByKey)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(facts);
        if (minorUnitsByKey.Length < facts.Keys.Count || linesByKey.Length < facts.Keys.Count)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Expected room for {facts.Keys.Count} keys, got {Math.Min(minorUnitsByKey.Length, linesByKey.Length)}.", nameof(minorUnitsByKey));
        }

        var sums = minorUnitsByKey[..facts.Keys.Count];
        var lines = linesByKey[..facts.Keys.Count];
        var check = !facts.SumsCannotOverflow;
        long start = period.UtcStart.UtcTicks, end = period.UtcEnd.UtcTicks;
        if (facts.IsSortedByTime)
        {
            var ticks = facts.IssuedAtUtcTicks;
            var from = ColumnKernels.LowerBound(ticks, start);
            var to = ColumnKernels.LowerBound(ticks, end);
            ColumnKernels.SumByKey(default(AllRows), ticks[from..to], facts.KeyCodes[from..to], facts.NetMinorUnits[from..to], sums, lines, check);
        }
        else
        {
            ColumnKernels.SumByKey(new TicksInRange(start, end), facts.IssuedAtUtcTicks, facts.KeyCodes, facts.NetMinorUnits, sums, lines, check);
        }
    }

    /// <summary>
    /// The report from sums aggregated elsewhere, usually in the database by an <see cref="IKpiAggregateSource"/>: the
    /// same report as <see cref="Compute(ReportingPeriod, IEnumerable{RevenueFact})"/> over the summed lines. Rows of the
    /// same segment and currency are added up.
    /// </summary>
    /// <param name="period">The reporting period the sums cover.</param>
    /// <param name="sums">Net amounts per segment and currency, in any order.</param>
    /// <returns>The report, laid out as the fact-based overload lays it out.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A row has <c>default</c> <see cref="ProductSegment"/> (no code) or fewer than one line; nothing is reported.</exception>
    public static RevenueBySegmentReport FromSums(ReportingPeriod period, IEnumerable<RevenueSum> sums)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(sums);

        var keys = new List<SegmentCurrency>();
        var amounts = new List<decimal>();
        foreach (var row in sums)
        {
            if (row.Segment.Code is null)
            {
                throw new InvalidInputException(ErrorCodes.Input.Required, "A revenue sum has no product segment (default(ProductSegment)); every invoice line must carry its product's segment.", nameof(sums));
            }

            if (row.Lines < 1)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"The revenue sum of segment '{row.Segment}' in {row.Net.Currency} counts {row.Lines} lines; a sum covers at least one line.", nameof(sums));
            }

            var key = new SegmentCurrency(row.Segment, row.Net.Currency);
            var index = keys.IndexOf(key);
            if (index < 0)
            {
                keys.Add(key);
                amounts.Add(row.Net.Amount);
            }
            else
            {
                amounts[index] += row.Net.Amount;
            }
        }

        return BuildReport(period, keys, [.. amounts]);
    }

    /// <summary>
    /// Lays out a report from one amount per (segment, currency) key: currencies EUR first then by code, every standard
    /// segment in each currency, then other segments seen by code; zero euros when there is no key at all.
    /// </summary>
    internal static RevenueBySegmentReport BuildReport(ReportingPeriod period, IReadOnlyList<SegmentCurrency> keys, ReadOnlySpan<decimal> amounts)
    {
        var currencies = keys.Select(key => key.Currency).Distinct()
            .OrderBy(currency => currency == Currency.Eur ? 0 : 1)
            .ThenBy(currency => currency.Code, StringComparer.Ordinal)
            .ToList();
        if (currencies.Count == 0)
        {
            currencies.Add(Currency.Eur);
        }

        var segments = ProductSegment.Standard
            .Concat(keys.Select(key => key.Segment).Distinct().Where(segment => !ProductSegment.Standard.Contains(segment)).OrderBy(segment => segment.Code, StringComparer.Ordinal))
            .ToList();

        var rows = new List<SegmentRevenue>(currencies.Count * segments.Count);
        var totals = new List<Money>(currencies.Count);
        foreach (var currency in currencies)
        {
            var total = 0m;
            foreach (var segment in segments)
            {
                var amount = 0m;
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i].Segment == segment && keys[i].Currency == currency)
                    {
                        amount += amounts[i];
                    }
                }

                total += amount;
                rows.Add(new SegmentRevenue(segment, new Money(amount, currency)));
            }

            totals.Add(new Money(total, currency));
        }

        return new RevenueBySegmentReport(period, rows.AsReadOnly(), totals.AsReadOnly());
    }

    /// <summary>
    /// Running sums keyed by (segment, currency). A handful of keys is the norm, so a linear scan that first compares
    /// the segment code by reference beats hashing the code on every fact.
    /// </summary>
    private sealed class Sums(long startTicks, long endTicks)
    {
        private readonly List<SegmentCurrency> _keys = [];
        private decimal[] _amounts = new decimal[8];

        public void AddAll(ReadOnlySpan<RevenueFact> facts)
        {
            foreach (ref readonly var fact in facts)
            {
                Add(fact);
            }
        }

        public void Add(in RevenueFact fact)
        {
            var ticks = fact.IssuedAt.UtcTicks;
            if (ticks < startTicks || ticks >= endTicks)
            {
                return;
            }

            // IndexOf may grow _amounts: take the index before reading the array.
            var index = IndexOf(fact.Segment, fact.Net.Currency);
            _amounts[index] += fact.Net.Amount;
        }

        public RevenueBySegmentReport ToReport(ReportingPeriod period) =>
            BuildReport(period, _keys, _amounts.AsSpan(0, _keys.Count));

        private int IndexOf(ProductSegment segment, Currency currency)
        {
            var code = segment.Code;
            var keys = CollectionsMarshal.AsSpan(_keys);
            for (var i = 0; i < keys.Length; i++)
            {
                var keyCode = keys[i].Segment.Code;
                if ((ReferenceEquals(keyCode, code) || string.Equals(keyCode, code, StringComparison.Ordinal)) && keys[i].Currency == currency)
                {
                    return i;
                }
            }

            if (code is null)
            {
                throw new InvalidInputException(ErrorCodes.Input.Required, "A revenue fact has no product segment (default(ProductSegment)); every invoice line must carry its product's segment.", "facts");
            }

            _keys.Add(new SegmentCurrency(segment, currency));
            if (_keys.Count > _amounts.Length)
            {
                Array.Resize(ref _amounts, _amounts.Length * 2);
            }

            return _keys.Count - 1;
        }
    }
}
