namespace EcoDrive.Kpi.Tests;

/// <summary>An <see cref="IKpiFactSource"/> over lists, honouring the range like a real adapter and recording each call.</summary>
internal sealed class FakeKpiFactSource : IKpiFactSource
{
    public List<OrderFact> Orders { get; } = [];

    public List<LeadFact> Leads { get; } = [];

    public List<RevenueFact> Revenue { get; } = [];

    public List<(string Kind, DateTimeOffset From, DateTimeOffset To)> Calls { get; } = [];

    /// <summary>Whether every fact is returned whatever the range, as the port allows ("may return facts outside the range").</summary>
    public bool ReturnsAll { get; init; }

    public Task<IReadOnlyList<OrderFact>> GetOrderFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(("orders", fromInclusive, toExclusive));
        return Task.FromResult<IReadOnlyList<OrderFact>>(Orders.Where(o => ReturnsAll || (o.SubmittedAt >= fromInclusive && o.SubmittedAt < toExclusive)).ToList());
    }

    public Task<IReadOnlyList<LeadFact>> GetLeadFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(("leads", fromInclusive, toExclusive));
        return Task.FromResult<IReadOnlyList<LeadFact>>(Leads.Where(l => ReturnsAll || (l.CreatedAt >= fromInclusive && l.CreatedAt < toExclusive)).ToList());
    }

    public Task<IReadOnlyList<RevenueFact>> GetRevenueFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(("revenue", fromInclusive, toExclusive));
        return Task.FromResult<IReadOnlyList<RevenueFact>>(Revenue.Where(r => ReturnsAll || (r.IssuedAt >= fromInclusive && r.IssuedAt < toExclusive)).ToList());
    }
}
