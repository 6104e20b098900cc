using EcoDrive.Kpi;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// The KPIs aggregated in SQL, returning grouped counts and sums (a few hundred rows whatever the number of facts)
/// through the indexes of schema v4: new orders by (status, submission time), leads and revenue lines by their grouping
/// columns then time on SQLite (skip-scanned), by time on PostgreSQL (hash-aggregated). Buckets are cut at the period's
/// UTC boundaries, computed in .NET from its time zone and bound as one array parameter, so the database needs no
/// time-zone rules of its own.
/// </summary>
internal sealed class SqlKpiAggregateSource(SqlStorageEngine engine) : IKpiAggregateSource
{
    /// <summary>Every order status as the tables store it, as a derived table <c>(status)</c>.</summary>
    private static readonly string s_statuses =
        string.Join(" UNION ALL ", Enum.GetValues<OrderStatus>().Select(status => $"SELECT '{SqlTables.Code(status)}' AS status"));

    /// <summary>
    /// One count per (bucket, status) pair, each a range search of the (status, submitted_at) index: no sort and no
    /// grouping of the period's orders, whose number only decides how many index entries the counts step over.
    /// </summary>
    public Task<IReadOnlyList<OrderCount>> CountOrdersAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        return QueryAsync(
            "SELECT i, status, orders FROM (SELECT b.i, s.status, " +
            "(SELECT COUNT(*) FROM order_views o WHERE o.status = s.status AND o.submitted_at >= b.lo AND o.submitted_at < b.hi) AS orders " +
            $"FROM ({engine.Dialect.BucketBoundsTable("bounds")}) AS b CROSS JOIN ({s_statuses}) AS s) AS counts WHERE orders > 0",
            [("bounds", Boundaries(period))],
            r => new OrderCount(checked((int)r.Int64(0)), SqlTables.ParseCode<OrderStatus>(r.String(1)), r.Int64(2)),
            cancellationToken);
    }

    public Task<IReadOnlyList<LeadOutcomeCount>> CountLeadOutcomesAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);

        // A lead won by the as-of time counts as won even if it was also lost; a null time compares as unknown, not true.
        return QueryAsync(
            "SELECT source, owner_id, campaign_id, COUNT(*), " +
            "SUM(CASE WHEN won_at <= @asOf THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN won_at <= @asOf THEN 0 WHEN lost_at <= @asOf THEN 1 ELSE 0 END) " +
            "FROM leads WHERE created_at >= @from AND created_at < @to GROUP BY source, owner_id, campaign_id",
            [("from", period.UtcStart), ("to", period.UtcEnd), ("asOf", asOf)],
            r => new LeadOutcomeCount(
                r.String(0),
                r.NullableGuid(1) is { } owner ? UserId.From(owner) : null,
                r.NullableGuid(2) is { } campaign ? CampaignId.From(campaign) : null,
                r.Int64(3),
                r.Int64(4),
                r.Int64(5)),
            cancellationToken);
    }

    public Task<IReadOnlyList<RevenueSum>> SumRevenueAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);

        // Amounts are exact integers (ten-thousandths); a sum beyond a 64-bit integer fails loudly on both engines.
        // Invoice lines and credit-note lines are grouped apart (each through its own index) and added up by the caller.
        return QueryAsync(
            "SELECT segment, currency, CAST(SUM(net_e4) AS BIGINT), COUNT(*) FROM invoice_lines " +
            "WHERE issued_at >= @from AND issued_at < @to GROUP BY segment, currency " +
            "UNION ALL SELECT segment, currency, -CAST(SUM(net_e4) AS BIGINT), COUNT(*) FROM credit_note_lines " +
            "WHERE issued_at >= @from AND issued_at < @to GROUP BY segment, currency",
            [("from", period.UtcStart), ("to", period.UtcEnd)],
            r => new RevenueSum(new ProductSegment(r.String(0)), SqlTables.FromE4(r.Int64(2), r.String(1)), r.Int64(3)),
            cancellationToken);
    }

    /// <summary>The UTC boundaries of the period's buckets: bucket i is [boundaries[i], boundaries[i + 1]).</summary>
    private static SqlInstants Boundaries(ReportingPeriod period) =>
        new([.. period.Buckets.Select(bucket => bucket.UtcStart), period.UtcEnd]);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, SqlParameters parameters, Func<SqlRow, T> read, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            return await session.QueryAsync(sql, parameters, read, cancellationToken).ConfigureAwait(false);
        }
    }
}
