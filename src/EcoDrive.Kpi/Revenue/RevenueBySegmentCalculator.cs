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
    /// <exception cref="ArgumentException">A fact in the period has <c>default</c> <see cref="ProductSegment"/> (no code).</exception>
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
    /// Running sums keyed by (segment, currency). A handful of keys is the norm, so a linear scan that first compares
    /// the segment code by reference beats hashing the code on every fact.
    /// </summary>
    private sealed class Sums(long startTicks, long endTicks)
    {
        private readonly List<Key> _keys = [];
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

            _amounts[IndexOf(fact.Segment, fact.Net.Currency)] += fact.Net.Amount;
        }

        public RevenueBySegmentReport ToReport(ReportingPeriod period)
        {
            var currencies = _keys.Select(key => key.Currency).Distinct()
                .OrderBy(currency => currency == Currency.Eur ? 0 : 1)
                .ThenBy(currency => currency.Code, StringComparer.Ordinal)
                .ToList();
            if (currencies.Count == 0)
            {
                currencies.Add(Currency.Eur);
            }

            var segments = ProductSegment.Standard
                .Concat(_keys.Select(key => key.Segment).Distinct().Where(segment => !ProductSegment.Standard.Contains(segment)).OrderBy(segment => segment.Code, StringComparer.Ordinal))
                .ToList();

            var rows = new List<SegmentRevenue>(currencies.Count * segments.Count);
            var totals = new List<Money>(currencies.Count);
            foreach (var currency in currencies)
            {
                var total = 0m;
                foreach (var segment in segments)
                {
                    var index = _keys.IndexOf(new Key(segment, currency));
                    var amount = index < 0 ? 0m : _amounts[index];
                    total += amount;
                    rows.Add(new SegmentRevenue(segment, new Money(amount, currency)));
                }

                totals.Add(new Money(total, currency));
            }

            return new RevenueBySegmentReport(period, rows.AsReadOnly(), totals.AsReadOnly());
        }

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
                throw new ArgumentException("A revenue fact has no product segment (default(ProductSegment)); every invoice line must carry its product's segment.", "facts");
            }

            _keys.Add(new Key(segment, currency));
            if (_keys.Count > _amounts.Length)
            {
                Array.Resize(ref _amounts, _amounts.Length * 2);
            }

            return _keys.Count - 1;
        }

        private readonly record struct Key(ProductSegment Segment, Currency Currency);
    }
}
