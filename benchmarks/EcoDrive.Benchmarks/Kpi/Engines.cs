using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// The same fact rows loaded into the engines a user would reach for instead: SQLite in memory (instants as integer
/// UTC ticks, an index on each table's time column) and DuckDB in memory (instants as UTC <c>TIMESTAMP</c>, amounts as
/// <c>DECIMAL(18,2)</c>), with owners and campaigns as integer keys in both.
/// </summary>
internal static class Engines
{
    public static SqliteConnection OpenSqlite(KpiDataSet data, string table)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -2000000;");
        switch (table)
        {
            case "revenue_lines":
                Execute(connection, "CREATE TABLE revenue_lines (issued_at INTEGER NOT NULL, segment TEXT NOT NULL, currency TEXT NOT NULL, net_minor INTEGER NOT NULL)");
                Load(connection, "INSERT INTO revenue_lines VALUES ($1, $2, 'EUR', $3)", data.N, (i, p) =>
                {
                    p[0].Value = data.RevenueTicks[i];
                    p[1].Value = KpiDataSet.Segments[data.RevenueSegment[i]].Code;
                    p[2].Value = data.RevenueMinor[i];
                });
                Execute(connection, "CREATE INDEX ix_revenue_lines_issued_at ON revenue_lines (issued_at)");
                break;
            case "orders":
                Execute(connection, "CREATE TABLE orders (submitted_at INTEGER NOT NULL, status INTEGER NOT NULL)");
                Load(connection, "INSERT INTO orders VALUES ($1, $2)", data.N, (i, p) =>
                {
                    p[0].Value = data.OrderTicks[i];
                    p[1].Value = (int)data.OrderStatus[i];
                });
                Execute(connection, "CREATE INDEX ix_orders_submitted_at ON orders (submitted_at)");
                break;
            default:
                Execute(connection, "CREATE TABLE leads (created_at INTEGER NOT NULL, won_at INTEGER, lost_at INTEGER, source TEXT NOT NULL, owner_id INTEGER, campaign_id INTEGER)");
                Load(connection, "INSERT INTO leads VALUES ($1, $2, $3, $4, $5, $6)", data.N, (i, p) =>
                {
                    p[0].Value = data.LeadCreated[i];
                    p[1].Value = data.LeadWon[i] == KpiDataSet.Never ? DBNull.Value : data.LeadWon[i];
                    p[2].Value = data.LeadLost[i] == KpiDataSet.Never ? DBNull.Value : data.LeadLost[i];
                    p[3].Value = KpiDataSet.Sources[data.LeadSource[i]];
                    p[4].Value = data.LeadOwner[i] == 0 ? DBNull.Value : (int)data.LeadOwner[i];
                    p[5].Value = data.LeadCampaign[i] == 0 ? DBNull.Value : (int)data.LeadCampaign[i];
                });
                Execute(connection, "CREATE INDEX ix_leads_created_at ON leads (created_at)");
                break;
        }

        Execute(connection, "ANALYZE");
        return connection;
    }

    /// <summary>Opens DuckDB in memory with the table loaded; <paramref name="threads"/> 0 keeps DuckDB's default (all cores).</summary>
    public static DuckDBConnection OpenDuckDb(KpiDataSet data, string table, int threads)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        if (threads > 0)
        {
            Execute(connection, $"SET threads = {threads}");
        }

        switch (table)
        {
            case "revenue_lines":
                Execute(connection, "CREATE TABLE revenue_lines (issued_at TIMESTAMP NOT NULL, segment VARCHAR NOT NULL, currency VARCHAR NOT NULL, net DECIMAL(18,2) NOT NULL)");
                using (var appender = connection.CreateAppender("revenue_lines"))
                {
                    for (var i = 0; i < data.N; i++)
                    {
                        appender.CreateRow()
                            .AppendValue(Timestamp(data.RevenueTicks[i]))
                            .AppendValue(KpiDataSet.Segments[data.RevenueSegment[i]].Code)
                            .AppendValue("EUR")
                            .AppendValue(data.RevenueMinor[i] / 100m)
                            .EndRow();
                    }
                }

                break;
            case "orders":
                Execute(connection, "CREATE TABLE orders (submitted_at TIMESTAMP NOT NULL, status TINYINT NOT NULL)");
                using (var appender = connection.CreateAppender("orders"))
                {
                    for (var i = 0; i < data.N; i++)
                    {
                        appender.CreateRow().AppendValue(Timestamp(data.OrderTicks[i])).AppendValue((sbyte)data.OrderStatus[i]).EndRow();
                    }
                }

                break;
            default:
                Execute(connection, "CREATE TABLE leads (created_at TIMESTAMP NOT NULL, won_at TIMESTAMP, lost_at TIMESTAMP, source VARCHAR NOT NULL, owner_id INTEGER, campaign_id INTEGER)");
                using (var appender = connection.CreateAppender("leads"))
                {
                    for (var i = 0; i < data.N; i++)
                    {
                        var row = appender.CreateRow().AppendValue(Timestamp(data.LeadCreated[i]));
                        row = data.LeadWon[i] == KpiDataSet.Never ? row.AppendNullValue() : row.AppendValue(Timestamp(data.LeadWon[i]));
                        row = data.LeadLost[i] == KpiDataSet.Never ? row.AppendNullValue() : row.AppendValue(Timestamp(data.LeadLost[i]));
                        row = row.AppendValue(KpiDataSet.Sources[data.LeadSource[i]]);
                        row = data.LeadOwner[i] == 0 ? row.AppendNullValue() : row.AppendValue((int)data.LeadOwner[i]);
                        row = data.LeadCampaign[i] == 0 ? row.AppendNullValue() : row.AppendValue((int)data.LeadCampaign[i]);
                        row.EndRow();
                    }
                }

                break;
        }

        return connection;
    }

    /// <summary>A UTC instant as a DuckDB <c>TIMESTAMP</c> literal.</summary>
    public static string TimestampLiteral(DateTimeOffset instant) =>
        "TIMESTAMP '" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DateTime Timestamp(long utcTicks) => new(utcTicks, DateTimeKind.Unspecified);

    private static void Load(SqliteConnection connection, string sql, int rows, Action<int, SqliteParameter[]> bind)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = Enumerable.Range(1, sql.Count(c => c == '$')).Select(k => command.Parameters.Add(new SqliteParameter("$" + k.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        command.Prepare();
        for (var i = 0; i < rows; i++)
        {
            bind(i, parameters);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
