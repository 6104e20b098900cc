namespace EcoDrive.Kpi.Tests;

/// <summary>An <see cref="IKpiAggregateSource"/> returning fixed rows and recording each call, as a database adapter would answer.</summary>
internal sealed class FakeKpiAggregateSource : IKpiAggregateSource
{
    public List<OrderCount> Orders { get; } = [];

    public List<LeadOutcomeCount> Leads { get; } = [];

    public List<RevenueSum> Revenue { get; } = [];

    public List<string> Calls { get; } = [];

    public Task<IReadOnlyList<OrderCount>> CountOrdersAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        Calls.Add("orders");
        return Task.FromResult<IReadOnlyList<OrderCount>>(Orders);
    }

    public Task<IReadOnlyList<LeadOutcomeCount>> CountLeadOutcomesAsync(ReportingPeriod period, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        Calls.Add("leads");
        return Task.FromResult<IReadOnlyList<LeadOutcomeCount>>(Leads);
    }

    public Task<IReadOnlyList<RevenueSum>> SumRevenueAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        Calls.Add("revenue");
        return Task.FromResult<IReadOnlyList<RevenueSum>>(Revenue);
    }
}
