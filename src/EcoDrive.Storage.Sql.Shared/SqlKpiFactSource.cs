using EcoDrive.Kpi;

namespace EcoDrive.Storage.Sql;

/// <summary>
/// KPI facts read by SQL from the extracted columns, through the indexes on submission, creation and issue time: the
/// CRM's view of orders, leads, invoice lines, and credit-note lines as negative amounts (one row each).
/// </summary>
internal sealed class SqlKpiFactSource(SqlStorageEngine engine) : IKpiFactSource
{
    public Task<IReadOnlyList<OrderFact>> GetOrderFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, submitted_at, status, salesperson_id FROM order_views WHERE submitted_at >= @from AND submitted_at < @to",
            fromInclusive,
            toExclusive,
            r => new OrderFact(OrderId.From(r.Guid(0)), r.Instant(1), SqlTables.ParseCode<OrderStatus>(r.String(2)), UserId.From(r.Guid(3))),
            cancellationToken);

    public Task<IReadOnlyList<LeadFact>> GetLeadFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, created_at, won_at, lost_at, source, owner_id, campaign_id FROM leads WHERE created_at >= @from AND created_at < @to",
            fromInclusive,
            toExclusive,
            r => new LeadFact(
                LeadId.From(r.Guid(0)),
                r.Instant(1),
                r.NullableInstant(2),
                r.NullableInstant(3),
                r.String(4),
                r.NullableGuid(5) is { } owner ? UserId.From(owner) : null,
                r.NullableGuid(6) is { } campaign ? CampaignId.From(campaign) : null),
            cancellationToken);

    public Task<IReadOnlyList<RevenueFact>> GetRevenueFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT issued_at, segment, currency, net_e4 FROM invoice_lines WHERE issued_at >= @from AND issued_at < @to " +
            "UNION ALL SELECT issued_at, segment, currency, -net_e4 FROM credit_note_lines WHERE issued_at >= @from AND issued_at < @to",
            fromInclusive,
            toExclusive,
            r => new RevenueFact(r.Instant(0), new ProductSegment(r.String(1)), SqlTables.FromE4(r.Int64(3), r.String(2))),
            cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, DateTimeOffset from, DateTimeOffset to, Func<SqlRow, T> read, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        await using (session.ConfigureAwait(false))
        {
            return await session.QueryAsync(sql, [("from", from), ("to", to)], read, cancellationToken).ConfigureAwait(false);
        }
    }
}
