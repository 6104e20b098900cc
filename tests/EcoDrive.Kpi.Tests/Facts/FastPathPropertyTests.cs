using CsCheck;

namespace EcoDrive.Kpi.Tests;

/// <summary>The columnar fast paths give exactly the straightforward record-based calculators' reports on random data.</summary>
public sealed class FastPathPropertyTests
{
    [Fact]
    public void NewOrdersCompute_ColumnarTable_EqualsRecordBasedReport()
    {
        var gen = KpiGen.Period.SelectMany(period => KpiGen.MaybeSorted(KpiGen.Order(period).Array[0, 200], o => o.SubmittedAt).Select(orders => (period, orders)));

        gen.Sample(
            (period, orders) => KpiGen.AssertSameJson(NewOrdersCalculator.Compute(period, orders), NewOrdersCalculator.Compute(period, OrderFacts.From(orders))),
            iter: 1000,
            print: t => $"{t.Item1} with {t.Item2.Length} orders");
    }

    [Fact]
    public void ConversionCompute_ColumnarTable_EqualsRecordBasedReport()
    {
        var gen = KpiGen.Period.SelectMany(period => Gen.Select(
            KpiGen.MaybeSorted(KpiGen.Lead(period).Array[0, 200], l => l.CreatedAt),
            KpiGen.Instant(period),
            (leads, asOf) => (period, leads, asOf)));

        gen.Sample(
            (period, leads, asOf) => KpiGen.AssertSameJson(ConversionCalculator.Compute(period, leads, asOf), ConversionCalculator.Compute(period, LeadFacts.From(leads), asOf)),
            iter: 1000,
            print: t => $"{t.Item1} with {t.Item2.Length} leads as of {t.Item3:O}");
    }

    [Fact]
    public void RevenueBySegmentCompute_ColumnarTable_EqualsRecordBasedReport()
    {
        var gen = KpiGen.Period.SelectMany(period => Gen.Bool.SelectMany(eurosOnly =>
            KpiGen.MaybeSorted(KpiGen.Revenue(period, eurosOnly).Array[0, 200], r => r.IssuedAt).Select(lines => (period, lines))));

        gen.Sample(
            (period, lines) => KpiGen.AssertSameJson(RevenueBySegmentCalculator.Compute(period, lines), RevenueBySegmentCalculator.Compute(period, RevenueFacts.From(lines))),
            iter: 1000,
            print: t => $"{t.Item1} with {t.Item2.Length} lines");
    }

    [Fact]
    public void BucketLookup_AnyInstant_AgreesWithBinarySearch()
    {
        var gen = KpiGen.Period.SelectMany(period => KpiGen.Instant(period).Array[1, 50].Select(instants => (period, instants)));

        gen.Sample(
            (period, instants) => Assert.All(instants, instant => Assert.Equal(period.BucketIndexOf(instant), period.Lookup.IndexOf(instant.UtcTicks))),
            iter: 1000);
    }
}
