using System.Buffers;
using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>KPI 2: lead-to-customer conversion of the cohort of leads created in a period. Pure and thread-safe.</summary>
public static class ConversionCalculator
{
    /// <summary>
    /// Takes the cohort of leads whose <see cref="LeadFact.CreatedAt"/> falls in <paramref name="period"/> and counts,
    /// as of <paramref name="asOf"/>, those won (<see cref="LeadFact.WonAt"/> &lt;= <paramref name="asOf"/>), those lost
    /// (otherwise, <see cref="LeadFact.LostAt"/> &lt;= <paramref name="asOf"/>) and those still open; overall, by source,
    /// by owner and by campaign. Leads created outside the period are ignored.
    /// </summary>
    /// <param name="period">The period whose created leads form the cohort.</param>
    /// <param name="leads">The lead facts, in any order.</param>
    /// <param name="asOf">The instant at which wins and losses are counted; later wins do not count.</param>
    /// <returns>The report; its rates are <see langword="null"/> (never 0 or NaN) when their denominator is zero.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ConversionReport Compute(ReportingPeriod period, IEnumerable<LeadFact> leads, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(leads);

        var tallies = new Tallies();
        foreach (var lead in leads)
        {
            if (period.Contains(lead.CreatedAt))
            {
                tallies.Add(lead, Outcome(lead.WonAt <= asOf, lead.LostAt <= asOf));
            }
        }

        return tallies.ToReport(period, asOf);
    }

    /// <summary>
    /// The fast path of <see cref="Compute(ReportingPeriod, IEnumerable{LeadFact}, DateTimeOffset)"/> over a columnar
    /// table, with the same result. A table sorted by creation time is cut to the cohort by two binary searches; an
    /// unsorted one tests each lead's ticks against the period's UTC bounds. Each lead costs two comparisons and three
    /// additions of a packed (leads, won, lost) counter, with no allocation per lead: the counters come from
    /// <see cref="ArrayPool{T}.Shared"/> and only the report is allocated.
    /// </summary>
    /// <param name="period">The period whose created leads form the cohort.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant at which wins and losses are counted.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ConversionReport Compute(ReportingPeriod period, LeadFacts leads, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(leads);

        int sources = leads.Sources.Count, owners = leads.Owners.Count, campaigns = leads.Campaigns.Count;
        var groups = sources + owners + campaigns;
        var totals = ArrayPool<long>.Shared.Rent(groups * 3);
        try
        {
            Array.Clear(totals, 0, groups * 3);
            CountCohort(period, leads, asOf, totals);
            var tallies = new Tallies();
            for (var group = 0; group < groups; group++)
            {
                var counts = totals.AsSpan(group * 3, 3);
                if (counts[0] == 0)
                {
                    continue;
                }

                var tally = group < sources
                    ? tallies.Source(leads.Sources[group])
                    : group < sources + owners ? tallies.Owner(leads.Owners[group - sources]) : tallies.Campaign(leads.Campaigns[group - sources - owners]);
                tally.Add(counts[0], counts[1], counts[2]);
                if (group < sources)
                {
                    tallies.Overall.Add(counts[0], counts[1], counts[2]);
                }
            }

            return tallies.ToReport(period, asOf);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(totals);
        }
    }

    /// <summary>
    /// The allocation-free core of <see cref="Compute(ReportingPeriod, LeadFacts, DateTimeOffset)"/>: adds the cohort's
    /// (leads, won, lost) counts per code to <paramref name="counts"/>, as triples: first one per source code (index
    /// into <see cref="LeadFacts.Sources"/>), then one per owner code, then one per campaign code. The overall counts
    /// are the sum of the source triples. Scratch counters come from <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    /// <param name="period">The period whose created leads form the cohort.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="asOf">The instant at which wins and losses are counted.</param>
    /// <param name="counts">At least 3 × (sources + owners + campaigns) running counts; added to, not cleared.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="counts"/> is too short.</exception>
    internal static void CountCohort(ReportingPeriod period, LeadFacts leads, DateTimeOffset asOf, Span<long> counts)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(leads);
        int sources = leads.Sources.Count, owners = leads.Owners.Count, campaigns = leads.Campaigns.Count;
        if (counts.Length < (sources + owners + campaigns) * 3)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Expected room for {(sources + owners + campaigns) * 3} counts, got {counts.Length}.", nameof(counts));
        }

        var counters = (sources * ColumnKernels.Lanes) + owners + (campaigns * ColumnKernels.Lanes);
        var packed = ArrayPool<long>.Shared.Rent(counters);
        try
        {
            var created = leads.CreatedAtUtcTicks;
            long start = period.UtcStart.UtcTicks, end = period.UtcEnd.UtcTicks;
            var (from, to) = leads.IsSortedByTime ? (ColumnKernels.LowerBound(created, start), ColumnKernels.LowerBound(created, end)) : (0, created.Length);
            var sourceCounters = packed.AsSpan(0, sources * ColumnKernels.Lanes);
            var ownerCounters = packed.AsSpan(sourceCounters.Length, owners);
            var campaignCounters = packed.AsSpan(sourceCounters.Length + owners, campaigns * ColumnKernels.Lanes);
            for (var chunk = from; chunk < to; chunk += ColumnKernels.OutcomeChunk)
            {
                var range = new Range(chunk, Math.Min(to, chunk + ColumnKernels.OutcomeChunk));
                Array.Clear(packed, 0, counters);
                var table = new LeadColumns(created[range], leads.WonAtUtcTicks[range], leads.LostAtUtcTicks[range], leads.SourceCodes[range], leads.OwnerCodes[range], leads.CampaignCodes[range]);
                if (leads.IsSortedByTime)
                {
                    ColumnKernels.CountOutcomes(default(AllRows), table, asOf.UtcTicks, sourceCounters, ownerCounters, campaignCounters);
                }
                else
                {
                    ColumnKernels.CountOutcomes(new TicksInRange(start, end), table, asOf.UtcTicks, sourceCounters, ownerCounters, campaignCounters);
                }

                ColumnKernels.UnpackOutcomes(sourceCounters, ColumnKernels.Lanes, counts[..(sources * 3)]);
                ColumnKernels.UnpackOutcomes(ownerCounters, 1, counts.Slice(sources * 3, owners * 3));
                ColumnKernels.UnpackOutcomes(campaignCounters, ColumnKernels.Lanes, counts.Slice((sources + owners) * 3, campaigns * 3));
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(packed);
        }
    }

    /// <summary>
    /// The report from outcome counts aggregated elsewhere, usually in the database by an
    /// <see cref="IKpiAggregateSource"/>: the same report as
    /// <see cref="Compute(ReportingPeriod, IEnumerable{LeadFact}, DateTimeOffset)"/> over the counted leads. Rows of the
    /// same source, owner and campaign are added up.
    /// </summary>
    /// <param name="period">The period whose created leads form the cohort.</param>
    /// <param name="counts">The cohort's leads, wins and losses per (source, owner, campaign), in any order.</param>
    /// <param name="asOf">The instant at which the wins and losses were counted.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A row has a negative count, or more wins and losses than leads; nothing is reported.</exception>
    /// <exception cref="OverflowException">A group totals more than <see cref="int.MaxValue"/> leads.</exception>
    public static ConversionReport FromCounts(ReportingPeriod period, IEnumerable<LeadOutcomeCount> counts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(counts);

        var tallies = new Tallies();
        foreach (var row in counts)
        {
            if (row.Leads < 0 || row.Won < 0 || row.Lost < 0 || row.Won + row.Lost > row.Leads)
            {
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, 
                    $"The outcome count of source '{row.Source}', owner {row.OwnerId?.ToString() ?? "none"} and campaign {row.CampaignId?.ToString() ?? "none"} " +
                    $"is impossible: {row.Leads} leads, {row.Won} won, {row.Lost} lost (counts cannot be negative, and won + lost cannot exceed leads).",
                    nameof(counts));
            }

            tallies.Overall.Add(row.Leads, row.Won, row.Lost);
            tallies.Source(row.Source).Add(row.Leads, row.Won, row.Lost);
            tallies.Owner(row.OwnerId).Add(row.Leads, row.Won, row.Lost);
            tallies.Campaign(row.CampaignId).Add(row.Leads, row.Won, row.Lost);
        }

        return tallies.ToReport(period, asOf);
    }

    /// <summary>0 open, 1 won, 2 lost: a lead won by the as-of time counts as won even if it was also lost.</summary>
    internal static int Outcome(bool won, bool lost) => won ? 1 : lost ? 2 : 0;

    /// <summary>Running (leads, won, lost) counts of one group of the cohort.</summary>
    internal sealed class Tally
    {
        public long Leads { get; private set; }

        public long Won { get; private set; }

        public long Lost { get; private set; }

        public void Add(long leads, long won, long lost)
        {
            Leads += leads;
            Won += won;
            Lost += lost;
        }

        public void Add(int outcome, int sign = 1) => Add(sign, outcome == 1 ? sign : 0, outcome == 2 ? sign : 0);

        public ConversionCounts ToCounts() => new(checked((int)Leads), checked((int)Won), checked((int)Lost));
    }

    /// <summary>The tallies of a cohort: overall, by source, by owner and by campaign; shared by both paths and the projection.</summary>
    internal sealed class Tallies
    {
        private readonly Dictionary<string, Tally> _bySource = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, Tally> _byOwner = [];
        private readonly Dictionary<Guid, Tally> _byCampaign = [];

        public Tally Overall { get; } = new();

        public Tally Source(string? source) => Get(_bySource, source ?? string.Empty);

        public Tally Owner(UserId? owner) => Get(_byOwner, owner?.Value ?? Guid.Empty);

        public Tally Campaign(CampaignId? campaign) => Get(_byCampaign, campaign?.Value ?? Guid.Empty);

        public void Add(in LeadFact lead, int outcome, int sign = 1)
        {
            Overall.Add(outcome, sign);
            Source(lead.Source).Add(outcome, sign);
            Owner(lead.OwnerId).Add(outcome, sign);
            Campaign(lead.CampaignId).Add(outcome, sign);
        }

        public ConversionReport ToReport(ReportingPeriod period, DateTimeOffset asOf) =>
            new(period, asOf, Overall.ToCounts(), Ordered(_bySource, StringComparer.Ordinal, (key, counts) => new SourceConversion(key, counts)), Ordered(_byOwner, Comparer<Guid>.Default, (key, counts) => new OwnerConversion(key == Guid.Empty ? null : UserId.From(key), counts)))
            {
                ByCampaign = Ordered(_byCampaign, Comparer<Guid>.Default, (key, counts) => new CampaignConversion(key == Guid.Empty ? null : CampaignId.From(key), counts)),
            };

        private static Tally Get<TKey>(Dictionary<TKey, Tally> tallies, TKey key)
            where TKey : notnull
        {
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new Tally();
            }

            return tally;
        }

        /// <summary>Largest cohort first, then by key; the empty key (no owner, no campaign) last; empty groups left out.</summary>
        private static IReadOnlyList<TRow> Ordered<TKey, TRow>(Dictionary<TKey, Tally> tallies, IComparer<TKey> comparer, Func<TKey, ConversionCounts, TRow> row)
            where TKey : notnull =>
            tallies
                .Where(pair => pair.Value.Leads > 0)
                .OrderBy(pair => pair.Key is Guid guid && guid == Guid.Empty)
                .ThenByDescending(pair => pair.Value.Leads)
                .ThenBy(pair => pair.Key, comparer)
                .Select(pair => row(pair.Key, pair.Value.ToCounts()))
                .ToList()
                .AsReadOnly();
    }
}
