using EcoDrive.Crm.Campaigns;
using static EcoDrive.Crm.Tests.Campaigns.CampaignCandidates;

namespace EcoDrive.Crm.Tests.Campaigns;

public sealed class SegmentTests
{
    private static readonly UserId s_sophie = UserId.New();

    [Fact]
    public void InterestedIn_AndPostalCodeOrOwner_CombinesCriteria()
    {
        var segment = Segment.InterestedIn(ProductSegment.Suv)
            .And(Segment.PostalCodeStartsWith("69").Or(Segment.OwnedBy(s_sophie)));

        Assert.True(segment.Matches(Customer("a", "a@example.fr", ProductSegment.Suv, postalCode: "69003")));
        Assert.True(segment.Matches(Customer("b", "b@example.fr", ProductSegment.Suv, postalCode: "75011", owner: s_sophie)));
        Assert.False(segment.Matches(Customer("c", "c@example.fr", ProductSegment.Suv, postalCode: "75011")));
        Assert.False(segment.Matches(Customer("d", "d@example.fr", ProductSegment.CityCar, postalCode: "69003")));
        Assert.Equal($"(interested in suv and (postal code 69* or owned by {s_sophie}))", segment.ToString());
    }

    [Fact]
    public void CustomersAndProspects_SplitByKind()
    {
        var customer = Customer("a", "a@example.fr");
        var lead = Lead("b", "b@example.fr");

        Assert.Equal((true, false), (Segment.Customers.Matches(customer), Segment.Customers.Matches(lead)));
        Assert.Equal((false, true), (Segment.Prospects.Matches(customer), Segment.Prospects.Matches(lead)));
    }

    [Fact]
    public void LastPurchase_BeforeAndSince_NeverMatchThoseWhoNeverBought()
    {
        var cutoff = Start.AddDays(-365);
        var old = Customer("a", "a@example.fr", lastPurchase: cutoff.AddTicks(-1));
        var recent = Customer("b", "b@example.fr", lastPurchase: cutoff);
        var never = Customer("c", "c@example.fr");

        Assert.Equal([true, false, false], new[] { old, recent, never }.Select(Segment.LastPurchaseBefore(cutoff).Matches));
        Assert.Equal([false, true, false], new[] { old, recent, never }.Select(Segment.LastPurchaseSince(cutoff).Matches));
        Assert.True(Segment.LastPurchaseBefore(cutoff).And(Segment.Customers).UsesPurchaseHistory);
        Assert.False(Segment.InterestedIn(ProductSegment.Suv).UsesPurchaseHistory);
    }

    [Fact]
    public void PostalCodeStartsWith_IgnoresCaseAndSpaces()
    {
        Assert.True(Segment.PostalCodeStartsWith(" 6 9").Matches(Customer("a", "a@example.fr", postalCode: "69 003")));
        Assert.False(Segment.PostalCodeStartsWith("69").Matches(Lead("b", "b@example.fr")));
    }

    [Fact]
    public void AllAndAny_WithNoPart_AreEveryoneAndNobody()
    {
        var anyone = Customer("a", "a@example.fr");

        Assert.True(Segment.Everyone.Matches(anyone));
        Assert.False(Segment.Any().Matches(anyone));
    }

    [Fact]
    public void Equality_IsStructural()
    {
        Assert.Equal(
            Segment.InterestedIn(ProductSegment.Suv).And(Segment.Customers),
            Segment.InterestedIn(ProductSegment.Suv).And(Segment.Customers));
        Assert.NotEqual(
            Segment.InterestedIn(ProductSegment.Suv).And(Segment.Customers),
            Segment.InterestedIn(ProductSegment.Suv).Or(Segment.Customers));
    }

    [Fact]
    public void InterestedIn_DefaultSegment_ThrowsNamingParameter()
    {
        Assert.Equal("productSegment", Assert.Throws<InvalidInputException>(() => Segment.InterestedIn(default)).ParamName);
        Assert.Equal("prefix", Assert.Throws<InvalidInputException>(() => Segment.PostalCodeStartsWith(" ")).ParamName);
    }
}
