using static EcoDrive.Kpi.Tests.TestData;

namespace EcoDrive.Kpi.Tests;

public sealed class ColumnarFactsTests
{
    [Fact]
    public void RevenueFactsFrom_LinesInIssueOrder_IsSortedByTime()
    {
        var table = RevenueFacts.From([Revenue(Utc(2026, 1, 2), ProductSegment.Suv, 1m), Revenue(Utc(2026, 1, 3), ProductSegment.Suv, 2m)]);

        Assert.True(table.IsSortedByTime);
        Assert.Equal([Utc(2026, 1, 2).UtcTicks, Utc(2026, 1, 3).UtcTicks], table.IssuedAtUtcTicks.ToArray());
        Assert.Equal([100L, 200L], table.NetMinorUnits.ToArray());
        Assert.Equal([new SegmentCurrency(ProductSegment.Suv, Currency.Eur)], table.Keys);
    }

    [Fact]
    public void RevenueFactsFrom_LinesOutOfOrder_IsNotSortedAndGivesTheSameReport()
    {
        RevenueFact[] lines = [Revenue(Utc(2026, 1, 3), ProductSegment.Suv, 2m), Revenue(Utc(2026, 1, 2), ProductSegment.CityCar, 1m)];

        var table = RevenueFacts.From(lines);

        Assert.False(table.IsSortedByTime);
        KpiGen.AssertSameJson(RevenueBySegmentCalculator.Compute(Month(2026, 1), lines), RevenueBySegmentCalculator.Compute(Month(2026, 1), table));
    }

    [Fact]
    public void RevenueBySegmentCompute_SumsBeyondLongRange_ThrowsOverflowException()
    {
        var builder = new RevenueFacts.Builder();
        builder.Add(Utc(2026, 1, 2).UtcTicks, ProductSegment.Suv, Currency.Eur, long.MaxValue);
        builder.Add(Utc(2026, 1, 3).UtcTicks, ProductSegment.Suv, Currency.Eur, 1);
        var table = builder.Build();

        Assert.False(table.SumsCannotOverflow);
        Assert.Throws<OverflowException>(() => RevenueBySegmentCalculator.Compute(Month(2026, 1), table));
    }

    [Fact]
    public void RevenueFactsBuilderAdd_DefaultSegment_ThrowsArgumentException()
    {
        Assert.Throws<InvalidInputException>("segment", () => new RevenueFacts.Builder().Add(0, default, Currency.Eur, 1));
    }

    [Fact]
    public void RevenueFactsBuilderAdd_257thKey_ThrowsInvalidOperationException()
    {
        var builder = new RevenueFacts.Builder();
        for (var i = 0; i < 256; i++)
        {
            builder.Add(0, new ProductSegment("s" + i), Currency.Eur, 1);
        }

        Assert.Throws<InvalidOperationException>(() => builder.Add(0, new ProductSegment("one-more"), Currency.Eur, 1));
    }

    [Fact]
    public void SumMinorUnits_SpansShorterThanTheKeys_ThrowsArgumentException()
    {
        var table = RevenueFacts.From([Revenue(Utc(2026, 1, 2), ProductSegment.Suv, 1m)]);

        Assert.Throws<InvalidInputException>(() => RevenueBySegmentCalculator.SumMinorUnits(Month(2026, 1), table, [], []));
    }

    [Fact]
    public void OrderFactsBuilderAdd_UnknownStatus_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<InvalidInputException>("status", () => new OrderFacts.Builder().Add(0, (OrderStatus)42));
    }

    [Fact]
    public void LeadFactsFrom_Leads_EncodesOwnersAndCampaignsWithZeroForNone()
    {
        var owner = UserId.New();
        var campaign = CampaignId.New();
        var table = LeadFacts.From([Lead(Utc(2026, 1, 2), owner: owner) with { CampaignId = campaign }, Lead(Utc(2026, 1, 3), wonAt: Utc(2026, 1, 9))]);

        Assert.Equal([(ushort)1, (ushort)0], table.OwnerCodes.ToArray());
        Assert.Equal([(ushort)1, (ushort)0], table.CampaignCodes.ToArray());
        Assert.Equal([null, owner], table.Owners);
        Assert.Equal([null, campaign], table.Campaigns);
        Assert.Equal([LeadFacts.Never, Utc(2026, 1, 9).UtcTicks], table.WonAtUtcTicks.ToArray());
    }
}
