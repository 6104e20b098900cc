using BenchmarkDotNet.Attributes;
using System.Data.Common;
using DuckDB.NET.Data;
using EcoDrive.Kpi;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// KPI 2, conversion of the 2025 cohort as of mid-January 2026 (leads, won, lost) overall, by source, by salesperson and
/// by campaign: EcoDrive's columnar fast path and record-based calculator against naive LINQ over records, SQLite and
/// DuckDB (1 thread and default threads). The SQL engines group by (source, owner, campaign) in one query and the few
/// thousand groups are rolled up in C#. Only the query is timed; results are materialised and checked in setup.
/// </summary>
public class ConversionBenchmarks : KpiBenchmarks<LeadFact, LeadFacts, ConversionReport, ConversionBenchmarks.Rollup>
{
    private static readonly ReportingPeriod Period = new(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), TimeBucket.Month);
    private static readonly DateTimeOffset AsOf = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    protected override string Table => "leads";

    protected override LeadFact[] ToRecords(KpiDataSet data) => data.LeadRecords();

    protected override LeadFacts ToColumns(KpiDataSet data, bool shuffled) => data.LeadColumns(shuffled);

    protected override Rollup QueryLinq(LeadFact[] records)
    {
        var cohort = records.Where(lead => Period.Contains(lead.CreatedAt)).ToList();
        static (int, int, int) Count(IEnumerable<LeadFact> leads, DateTimeOffset asOf) =>
            (leads.Count(), leads.Count(l => l.WonAt <= asOf), leads.Count(l => !(l.WonAt <= asOf) && l.LostAt <= asOf));
        return new Rollup(
            Count(cohort, AsOf),
            cohort.GroupBy(l => l.Source).ToDictionary(g => g.Key, g => Count(g, AsOf), StringComparer.Ordinal),
            cohort.GroupBy(l => l.OwnerId?.Value ?? Guid.Empty).ToDictionary(g => g.Key, g => Count(g, AsOf)),
            cohort.GroupBy(l => l.CampaignId?.Value ?? Guid.Empty).ToDictionary(g => g.Key, g => Count(g, AsOf)));
    }

    protected override ConversionReport Compute(LeadFact[] records) => ConversionCalculator.Compute(Period, records, AsOf);

    protected override ConversionReport Compute(LeadFacts table) => ConversionCalculator.Compute(Period, table, AsOf);

    protected override Rollup QuerySqlite(SqliteConnection connection)
    {
        var asOf = AsOf.UtcTicks;
        return Query(connection, $"""
            SELECT source, owner_id, campaign_id, COUNT(*),
                   SUM(won_at <= {asOf}),
                   SUM(NOT IFNULL(won_at <= {asOf}, 0) AND lost_at <= {asOf})
            FROM leads WHERE created_at >= {Period.UtcStart.UtcTicks} AND created_at < {Period.UtcEnd.UtcTicks}
            GROUP BY source, owner_id, campaign_id
            """);
    }

    protected override Rollup QueryDuckDb(DuckDBConnection connection)
    {
        var asOf = Engines.TimestampLiteral(AsOf);
        return Query(connection, $"""
            SELECT source, owner_id, campaign_id, count(*),
                   count(*) FILTER (WHERE won_at <= {asOf}),
                   count(*) FILTER (WHERE (won_at IS NULL OR won_at > {asOf}) AND lost_at <= {asOf})
            FROM leads WHERE created_at >= {Engines.TimestampLiteral(Period.UtcStart)} AND created_at < {Engines.TimestampLiteral(Period.UtcEnd)}
            GROUP BY source, owner_id, campaign_id
            """);
    }

    protected override Rollup ToResult(ConversionReport report) => Rollup.From(report);

    protected override void Check(Rollup actual)
    {
        var expected = Rollup.From(ConversionCalculator.Compute(Period, Data.LeadColumns(), AsOf));
        if (!actual.SameAs(expected))
        {
            throw new InvalidOperationException($"Conversion figures differ: expected {expected}, got {actual}.");
        }
    }

    private Rollup Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rollup = new Rollup((0, 0, 0), new(StringComparer.Ordinal), [], []);
        while (reader.Read())
        {
            var counts = ((int)reader.GetInt64(3), (int)Convert.ToInt64(reader.GetValue(4), null), (int)Convert.ToInt64(reader.GetValue(5), null));
            var owner = reader.IsDBNull(1) ? Guid.Empty : Data.OwnerIds[reader.GetInt32(1)]!.Value.Value;
            var campaign = reader.IsDBNull(2) ? Guid.Empty : Data.CampaignIds[reader.GetInt32(2)]!.Value.Value;
            rollup.Add(reader.GetString(0), owner, campaign, counts);
        }

        return rollup;
    }

    /// <summary>Conversion counts (leads, won, lost) overall and per source, owner and campaign (<see cref="Guid.Empty"/> for none).</summary>
    public sealed record Rollup(
        (int Leads, int Won, int Lost) Overall,
        Dictionary<string, (int, int, int)> BySource,
        Dictionary<Guid, (int, int, int)> ByOwner,
        Dictionary<Guid, (int, int, int)> ByCampaign)
    {
        public (int Leads, int Won, int Lost) Overall { get; private set; } = Overall;

        public static Rollup From(ConversionReport report) => new(
            (report.Overall.Leads, report.Overall.Won, report.Overall.Lost),
            report.BySource.ToDictionary(s => s.Source, s => (s.Counts.Leads, s.Counts.Won, s.Counts.Lost), StringComparer.Ordinal),
            report.ByOwner.ToDictionary(o => o.OwnerId?.Value ?? Guid.Empty, o => (o.Counts.Leads, o.Counts.Won, o.Counts.Lost)),
            report.ByCampaign.ToDictionary(c => c.CampaignId?.Value ?? Guid.Empty, c => (c.Counts.Leads, c.Counts.Won, c.Counts.Lost)));

        public void Add(string source, Guid owner, Guid campaign, (int Leads, int Won, int Lost) counts)
        {
            Overall = Sum(Overall, counts);
            BySource[source] = Sum(BySource.GetValueOrDefault(source), counts);
            ByOwner[owner] = Sum(ByOwner.GetValueOrDefault(owner), counts);
            ByCampaign[campaign] = Sum(ByCampaign.GetValueOrDefault(campaign), counts);
        }

        public bool SameAs(Rollup other) =>
            Overall == other.Overall && Same(BySource, other.BySource) && Same(ByOwner, other.ByOwner) && Same(ByCampaign, other.ByCampaign);

        public override string ToString() => $"{Overall}, sources {string.Join(' ', BySource)}";

        private static (int, int, int) Sum((int A, int B, int C) x, (int A, int B, int C) y) => (x.A + y.A, x.B + y.B, x.C + y.C);

        private static bool Same<TKey>(Dictionary<TKey, (int, int, int)> x, Dictionary<TKey, (int, int, int)> y)
            where TKey : notnull => x.Count == y.Count && x.All(pair => y.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
