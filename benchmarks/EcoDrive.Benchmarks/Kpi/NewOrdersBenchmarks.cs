using System.Data.Common;
using DuckDB.NET.Data;
using EcoDrive.Core;
using EcoDrive.Kpi;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// KPI 1, new orders per Paris day over the whole three years (1,096 buckets, six DST changes), with cancellations per
/// day and the orders by current status: EcoDrive's columnar fast path and record-based calculator against naive LINQ
/// converting each order to Paris time, SQLite joining a table of the days' UTC bounds (SQLite has no time zones), and
/// DuckDB converting with its ICU time zones (1 thread and default threads). Only the query is timed; results are
/// materialised into per-day arrays and checked in setup.
/// </summary>
public class NewOrdersBenchmarks : KpiBenchmarks<OrderFact, OrderFacts, NewOrdersReport, NewOrdersBenchmarks.PerDay>
{
    private static readonly ReportingPeriod Period = new(new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), TimeBucket.Day);

    protected override string Table => "orders";

    protected override OrderFact[] ToRecords(KpiDataSet data) => data.OrderRecords();

    protected override OrderFacts ToColumns(KpiDataSet data, bool shuffled) => data.OrderColumns(shuffled);

    protected override PerDay QueryLinq(OrderFact[] records)
    {
        var zone = Period.TimeZone;
        var first = Period.From;
        var inPeriod = records.Where(order => Period.Contains(order.SubmittedAt)).ToList();
        var result = new PerDay(Period.Buckets.Count);
        foreach (var day in inPeriod.GroupBy(order => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.SubmittedAt, zone).DateTime)))
        {
            result.Add(day.Key.DayNumber - first.DayNumber, day.Count(), day.Count(order => order.Status == OrderStatus.Cancelled));
        }

        foreach (var status in inPeriod.GroupBy(order => order.Status))
        {
            result.ByStatus[(int)status.Key] = status.Count();
        }

        return result;
    }

    protected override NewOrdersReport Compute(OrderFact[] records) => NewOrdersCalculator.Compute(Period, records);

    protected override NewOrdersReport Compute(OrderFacts table) => NewOrdersCalculator.Compute(Period, table);

    /// <summary>SQLite has no time zones: a user joins a table of the Paris days' UTC bounds.</summary>
    protected override void PrepareSqlite(SqliteConnection connection)
    {
        Engines.Execute(connection, "CREATE TABLE days (day INTEGER PRIMARY KEY, start_ticks INTEGER NOT NULL, end_ticks INTEGER NOT NULL)");
        using var transaction = connection.BeginTransaction();
        for (var d = 0; d < Period.Buckets.Count; d++)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO days VALUES ({d}, {Period.Buckets[d].UtcStart.UtcTicks}, {Period.Buckets[d].UtcEnd.UtcTicks})";
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    protected override PerDay QuerySqlite(SqliteConnection connection) => Query(
        connection,
        "SELECT d.day, COUNT(*), SUM(o.status = 8) FROM days d JOIN orders o ON o.submitted_at >= d.start_ticks AND o.submitted_at < d.end_ticks GROUP BY d.day",
        $"SELECT status, COUNT(*) FROM orders WHERE submitted_at >= {Period.UtcStart.UtcTicks} AND submitted_at < {Period.UtcEnd.UtcTicks} GROUP BY status");

    /// <summary>DuckDB converts each instant to a Paris date with its ICU time zones.</summary>
    protected override PerDay QueryDuckDb(DuckDBConnection connection)
    {
        var range = $"submitted_at >= {Engines.TimestampLiteral(Period.UtcStart)} AND submitted_at < {Engines.TimestampLiteral(Period.UtcEnd)}";
        return Query(
            connection,
            $"""
            SELECT date_diff('day', DATE '2024-01-01', CAST(timezone('Europe/Paris', timezone('UTC', submitted_at)) AS DATE)) AS day,
                   count(*), count(*) FILTER (WHERE status = 8)
            FROM orders WHERE {range} GROUP BY day
            """,
            $"SELECT status, count(*) FROM orders WHERE {range} GROUP BY status");
    }

    protected override PerDay ToResult(NewOrdersReport report) => PerDay.From(report);

    protected override void Check(PerDay actual)
    {
        var expected = PerDay.From(NewOrdersCalculator.Compute(Period, Data.OrderColumns()));
        if (!actual.Orders.SequenceEqual(expected.Orders) || !actual.Cancelled.SequenceEqual(expected.Cancelled) || !actual.ByStatus.SequenceEqual(expected.ByStatus))
        {
            throw new InvalidOperationException($"New orders differ: expected {expected.Orders.Sum()} orders, got {actual.Orders.Sum()}.");
        }
    }

    private static PerDay Query(DbConnection connection, string perDay, string byStatus)
    {
        var result = new PerDay(Period.Buckets.Count);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = perDay;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result.Add(Convert.ToInt32(reader.GetValue(0), null), Convert.ToInt32(reader.GetValue(1), null), Convert.ToInt32(reader.GetValue(2), null));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = byStatus;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result.ByStatus[Convert.ToInt32(reader.GetValue(0), null)] = Convert.ToInt32(reader.GetValue(1), null);
            }
        }

        return result;
    }


    /// <summary>Orders and cancellations per day index of the period, and orders per status.</summary>
    public sealed class PerDay(int days)
    {
        public int[] Orders { get; } = new int[days];

        public int[] Cancelled { get; } = new int[days];

        public int[] ByStatus { get; } = new int[9];

        public static PerDay From(NewOrdersReport report)
        {
            var result = new PerDay(report.Buckets.Count);
            for (var d = 0; d < report.Buckets.Count; d++)
            {
                result.Add(d, report.Buckets[d].Orders, report.Buckets[d].Cancelled);
            }

            foreach (var status in report.ByStatus)
            {
                result.ByStatus[(int)status.Status] = status.Orders;
            }

            return result;
        }

        public void Add(int day, int orders, int cancelled)
        {
            Orders[day] += orders;
            Cancelled[day] += cancelled;
        }
    }
}
