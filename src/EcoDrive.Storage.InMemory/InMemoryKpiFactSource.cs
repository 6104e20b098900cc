using EcoDrive.Crm.Leads;
using EcoDrive.Kpi;

namespace EcoDrive.Storage.InMemory;

/// <summary>KPI facts read from the committed in-memory data: orders as the CRM recorded them, leads, invoice lines, and credit-note lines as negative amounts.</summary>
internal sealed class InMemoryKpiFactSource(InMemoryDatabase database) : IKpiFactSource
{
    public Task<IReadOnlyList<OrderFact>> GetOrderFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult<IReadOnlyList<OrderFact>>(
            [
                .. database.OrderViews.Rows
                    .Select(r => r.Snapshot)
                    .Where(o => o.History[0].At >= fromInclusive && o.History[0].At < toExclusive)
                    .Select(o => new OrderFact(o.Id, o.History[0].At, o.History[^1].Status, o.SalespersonId)),
            ]);
        }
    }

    public Task<IReadOnlyList<LeadFact>> GetLeadFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult<IReadOnlyList<LeadFact>>(
            [
                .. database.Leads.Rows
                    .Select(r => r.Snapshot)
                    .Where(l => l.CreatedAt >= fromInclusive && l.CreatedAt < toExclusive)
                    .Select(l => new LeadFact(
                        l.Id,
                        l.CreatedAt,
                        l.Stage == LeadStage.Won ? l.History[^1].At : null,
                        l.Stage == LeadStage.Lost ? l.History[^1].At : null,
                        l.Source.Code,
                        l.OwnerId,
                        l.Source.CampaignId)),
            ]);
        }
    }

    public Task<IReadOnlyList<RevenueFact>> GetRevenueFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default)
    {
        lock (database.Gate)
        {
            return Task.FromResult<IReadOnlyList<RevenueFact>>(
            [
                .. database.Invoices.Rows
                    .Select(r => r.Snapshot)
                    .Where(i => i.IssuedAt >= fromInclusive && i.IssuedAt < toExclusive)
                    .SelectMany(i => i.Lines.Select(line => new RevenueFact(i.IssuedAt, line.Segment, line.Net))),
                .. database.CreditNotes.Rows
                    .Select(r => r.Snapshot)
                    .Where(c => c.IssuedAt >= fromInclusive && c.IssuedAt < toExclusive)
                    .SelectMany(c => c.Lines.Select(credited => new RevenueFact(c.IssuedAt, credited.Line.Segment, -credited.Line.Net))),
            ]);
        }
    }
}
