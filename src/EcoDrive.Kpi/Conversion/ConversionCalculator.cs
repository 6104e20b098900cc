using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>KPI 2: lead-to-customer conversion of the cohort of leads created in a period. Pure and thread-safe.</summary>
public static class ConversionCalculator
{
    /// <summary>
    /// Takes the cohort of leads whose <see cref="LeadFact.CreatedAt"/> falls in <paramref name="period"/> and counts,
    /// as of <paramref name="asOf"/>, those won (<see cref="LeadFact.WonAt"/> &lt;= <paramref name="asOf"/>), those lost
    /// (otherwise, <see cref="LeadFact.LostAt"/> &lt;= <paramref name="asOf"/>) and those still open; overall, by source
    /// and by owner. Leads created outside the period are ignored.
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

        var overall = new Tally();
        var bySource = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byOwner = new Dictionary<Guid, Tally>();
        var unassigned = new Tally();
        foreach (var lead in leads)
        {
            if (!period.Contains(lead.CreatedAt))
            {
                continue;
            }

            var outcome = lead.WonAt <= asOf ? Outcome.Won : lead.LostAt <= asOf ? Outcome.Lost : Outcome.Open;
            overall.Add(outcome);
            var source = lead.Source ?? string.Empty;
            if (!bySource.TryGetValue(source, out var sourceTally))
            {
                bySource[source] = sourceTally = new Tally();
            }

            sourceTally.Add(outcome);
            if (lead.OwnerId is { } owner)
            {
                if (!byOwner.TryGetValue(owner.Value, out var ownerTally))
                {
                    byOwner[owner.Value] = ownerTally = new Tally();
                }

                ownerTally.Add(outcome);
            }
            else
            {
                unassigned.Add(outcome);
            }
        }

        var sources = bySource
            .OrderByDescending(pair => pair.Value.Leads)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new SourceConversion(pair.Key, pair.Value.ToCounts()))
            .ToArray();
        var owners = byOwner
            .OrderByDescending(pair => pair.Value.Leads)
            .ThenBy(pair => pair.Key)
            .Select(pair => new OwnerConversion(UserId.From(pair.Key), pair.Value.ToCounts()))
            .ToList();
        if (unassigned.Leads > 0)
        {
            owners.Add(new OwnerConversion(null, unassigned.ToCounts()));
        }

        return new ConversionReport(period, asOf, overall.ToCounts(), Array.AsReadOnly(sources), owners.AsReadOnly());
    }

    private enum Outcome
    {
        Open,
        Won,
        Lost,
    }

    private sealed class Tally
    {
        public int Leads { get; private set; }

        public int Won { get; private set; }

        public int Lost { get; private set; }

        public void Add(Outcome outcome)
        {
            Leads++;
            if (outcome == Outcome.Won)
            {
                Won++;
            }
            else if (outcome == Outcome.Lost)
            {
                Lost++;
            }
        }

        public ConversionCounts ToCounts() => new(Leads, Won, Lost);
    }
}
