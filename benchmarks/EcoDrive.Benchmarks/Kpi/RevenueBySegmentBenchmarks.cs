using BenchmarkDotNet.Attributes;
using System.Data.Common;
using DuckDB.NET.Data;
using EcoDrive.Core;
using EcoDrive.Kpi;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// KPI 3, revenue by segment and currency for 2025 out of a three-year invoice journal. LINQ groups records with
/// <c>decimal</c> amounts; SQLite sums integer minor units; DuckDB sums <c>DECIMAL(18,2)</c>. Results are minor units
/// per segment, checked against a plain loop over the raw columns.
/// </summary>
public class RevenueBySegmentBenchmarks : KpiBenchmarks<RevenueFact, RevenueFacts, RevenueBySegmentReport, Dictionary<string, long>>
{
    private static readonly ReportingPeriod Period = new(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), TimeBucket.Month);

    protected override string Table => "revenue_lines";

    protected override RevenueFact[] ToRecords(KpiDataSet data) => data.RevenueRecords();

    protected override RevenueFacts ToColumns(KpiDataSet data, bool shuffled) => data.RevenueColumns(shuffled);

    protected override Dictionary<string, long> QueryLinq(RevenueFact[] records)
    {
        var from = Period.UtcStart;
        var to = Period.UtcEnd;
        return records
            .Where(fact => fact.IssuedAt >= from && fact.IssuedAt < to)
            .GroupBy(fact => (Segment: fact.Segment.Code, Currency: fact.Net.Currency.Code))
            .ToDictionary(group => group.Key.Segment, group => Money.Euros(group.Sum(fact => fact.Net.Amount)).MinorUnits, StringComparer.Ordinal);
    }

    protected override RevenueBySegmentReport Compute(RevenueFact[] records) => RevenueBySegmentCalculator.Compute(Period, records);

    protected override RevenueBySegmentReport Compute(RevenueFacts table) => RevenueBySegmentCalculator.Compute(Period, table);

    protected override Dictionary<string, long> QuerySqlite(SqliteConnection connection) => Query(
        connection,
        $"SELECT segment, currency, SUM(net_minor) FROM revenue_lines WHERE issued_at >= {Period.UtcStart.UtcTicks} AND issued_at < {Period.UtcEnd.UtcTicks} GROUP BY segment, currency",
        reader => reader.GetInt64(2));

    protected override Dictionary<string, long> QueryDuckDb(DuckDBConnection connection) => Query(
        connection,
        $"SELECT segment, currency, SUM(net) FROM revenue_lines WHERE issued_at >= {Engines.TimestampLiteral(Period.UtcStart)} AND issued_at < {Engines.TimestampLiteral(Period.UtcEnd)} GROUP BY segment, currency",
        reader => Money.Euros(reader.GetDecimal(2)).MinorUnits);

    protected override Dictionary<string, long> ToResult(RevenueBySegmentReport report) =>
        report.Segments.Where(row => !row.Net.IsZero).ToDictionary(row => row.Segment.Code, row => row.Net.MinorUnits, StringComparer.Ordinal);

    protected override void Check(Dictionary<string, long> actual)
    {
        var data = KpiDataSet.Get(N);
        var expected = new long[KpiDataSet.Segments.Length];
        long from = Period.UtcStart.UtcTicks, to = Period.UtcEnd.UtcTicks;
        var (ticks, segments, minor) = (data.RevenueTicks, data.RevenueSegment, data.RevenueMinor);
        for (var i = 0; i < data.N; i++)
        {
            if (ticks[i] >= from && ticks[i] < to)
            {
                expected[segments[i]] += minor[i];
            }
        }

        for (var s = 0; s < expected.Length; s++)
        {
            var code = KpiDataSet.Segments[s].Code;
            if (actual.GetValueOrDefault(code) != expected[s])
            {
                throw new InvalidOperationException($"{code}: expected {expected[s]} minor units, got {actual.GetValueOrDefault(code)}.");
            }
        }
    }

    private static Dictionary<string, long> Query(DbConnection connection, string sql, Func<DbDataReader, long> amount)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = amount(reader);
        }

        return result;
    }
}
