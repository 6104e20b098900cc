using CsCheck;

namespace EcoDrive.Kpi.Tests;

/// <summary>
/// Aggregating facts into rows (as a database does, and as <see cref="FactKpiAggregateSource"/> does in memory) and
/// laying the rows out gives exactly the calculators' reports over the facts, in any zone and bucket, rows in any order.
/// </summary>
public sealed class AggregatePropertyTests
{
    [Fact]
    public void NewOrdersFromCounts_OfTheAggregatedFacts_EqualsCompute()
    {
        var gen = KpiGen.Period.SelectMany(period => KpiGen.Order(period).Array[0, 200].Select(orders => (period, orders)));

        gen.Sample(
            (period, orders) =>
            {
                var rows = Aggregates(orders: orders).CountOrdersAsync(period).GetAwaiter().GetResult();
                KpiGen.AssertSameJson(NewOrdersCalculator.Compute(period, orders), NewOrdersCalculator.FromCounts(period, Shuffled(rows)));
            },
            iter: 500,
            print: t => $"{t.Item1} with {t.Item2.Length} orders");
    }

    [Fact]
    public void ConversionFromCounts_OfTheAggregatedFacts_EqualsCompute()
    {
        var gen = KpiGen.Period.SelectMany(period => Gen.Select(KpiGen.Lead(period).Array[0, 200], KpiGen.Instant(period), (leads, asOf) => (period, leads, asOf)));

        gen.Sample(
            (period, leads, asOf) =>
            {
                var rows = Aggregates(leads: leads).CountLeadOutcomesAsync(period, asOf).GetAwaiter().GetResult();
                KpiGen.AssertSameJson(ConversionCalculator.Compute(period, leads, asOf), ConversionCalculator.FromCounts(period, Shuffled(rows), asOf));
            },
            iter: 500,
            print: t => $"{t.Item1} with {t.Item2.Length} leads as of {t.Item3:O}");
    }

    [Fact]
    public void RevenueFromSums_OfTheAggregatedFacts_EqualsCompute()
    {
        var gen = KpiGen.Period.SelectMany(period => Gen.Bool.SelectMany(eurosOnly => KpiGen.Revenue(period, eurosOnly).Array[0, 200].Select(lines => (period, lines))));

        gen.Sample(
            (period, lines) =>
            {
                var rows = Aggregates(revenue: lines).SumRevenueAsync(period).GetAwaiter().GetResult();
                KpiGen.AssertSameJson(RevenueBySegmentCalculator.Compute(period, lines), RevenueBySegmentCalculator.FromSums(period, Shuffled(rows)));
            },
            iter: 500,
            print: t => $"{t.Item1} with {t.Item2.Length} lines");
    }

    private static FactKpiAggregateSource Aggregates(OrderFact[]? orders = null, LeadFact[]? leads = null, RevenueFact[]? revenue = null)
    {
        var facts = new FakeKpiFactSource { ReturnsAll = true };
        facts.Orders.AddRange(orders ?? []);
        facts.Leads.AddRange(leads ?? []);
        facts.Revenue.AddRange(revenue ?? []);
        return new FactKpiAggregateSource(facts);
    }

    private static T[] Shuffled<T>(IReadOnlyList<T> rows)
    {
        var array = rows.ToArray();
        Random.Shared.Shuffle(array);
        return array;
    }
}
