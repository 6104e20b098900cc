using EcoDrive.Kpi;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// The KPIs aggregated in SQL: each query reads one covering index over the period's range (order views by submission
/// time, leads by creation time, invoice and credit-note lines by issue time) and returns grouped counts and sums, a few
/// hundred rows whatever the number of facts. Buckets are cut at the period's UTC boundaries, computed in .NET from its
/// time zone and bound as one array parameter, so the database needs no time-zone rules of its own.
/// </summary>
internal sealed class SqlKpiAggregateSource(SqlStorageEngine engine) : IKpiAggregateSource
{
    public Task<IReadOnlyList<OrderCount>> CountOrdersAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        return QueryAsync(
            $"WITH b AS ({engine.Dialect.BucketBoundsTable("bounds")}) " +
            "SELECT b.i, o.status, COUNT(*) FROM b JOIN order_views o ON o.submitted_at >= b.lo AND o.submitted_at < b.hi GROUP BY b.i, o.status",
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
        return QueryAsync(
            "SELECT segment, currency, CAST(SUM(net_e4) AS BIGINT), COUNT(*) FROM (" +
            "SELECT segment, currency, net_e4 FROM invoice_lines WHERE issued_at >= @from AND issued_at < @to " +
            "UNION ALL SELECT segment, currency, -net_e4 FROM credit_note_lines WHERE issued_at >= @from AND issued_at < @to" +
            ") AS lines GROUP BY segment, currency",
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
