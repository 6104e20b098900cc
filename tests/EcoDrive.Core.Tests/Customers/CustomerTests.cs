using EcoDrive.Core.Customers;

namespace EcoDrive.Core.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Completeness_WithoutContactOrAddress_ListsWhatIsMissing()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.None, s_now);

        Assert.False(customer.Completeness.CanBeContacted);
        Assert.Equal(["email or phone"], customer.Completeness.MissingForContact);
        Assert.Equal(["billing address"], customer.Completeness.MissingForInvoicing);
    }

    [Fact]
    public void Completeness_WithPhoneAndAddress_IsComplete()
    {
        var customer = Customer.CreateIndividual(
            CustomerId.New(), "Camille", "Martin", ContactDetails.Parse(null, "06 12 34 56 78", new PostalAddress("1 rue", "69003", "Lyon")), s_now);

        Assert.True(customer.Completeness.CanBeContacted);
        Assert.True(customer.Completeness.CanBeInvoiced);
    }

    [Fact]
    public void HasMarketingConsent_FollowsTheLatestChange()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.None, s_now);
        Assert.False(customer.HasMarketingConsent);

        customer.GrantMarketingConsent(s_now, "web form");
        Assert.True(customer.HasMarketingConsent);

        customer.WithdrawMarketingConsent(s_now.AddDays(1), "unsubscribe link");
        Assert.False(customer.HasMarketingConsent);
        Assert.Equal([true, false], customer.ConsentHistory.Select(c => c.Granted));
    }

    [Fact]
    public void SharesContactWith_SamePhoneTypedDifferently_IsTrue()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.Parse(null, "06 12 34 56 78"), s_now);

        Assert.True(customer.SharesContactWith(ContactDetails.Parse("other@example.fr", "+33612345678")));
        Assert.False(customer.SharesContactWith(ContactDetails.Parse("other@example.fr", null)));
    }

    [Fact]
    public void Snapshot_RoundTrip_KeepsEverything()
    {
        var customer = Customer.CreateCompany(CustomerId.New(), "Transports Durand SARL", ContactDetails.Parse("contact@durand.fr", null), s_now);
        customer.AddInterest(ProductSegment.Utility);
        customer.GrantMarketingConsent(s_now, "trade fair");

        var restored = Customer.FromSnapshot(customer.ToSnapshot());

        Assert.Equal(customer.ToSnapshot().Id, restored.Id);
        Assert.Equal("Transports Durand SARL", restored.DisplayName);
        Assert.Equal(customer.Interests, restored.Interests);
        Assert.True(restored.HasMarketingConsent);
    }

    [Fact]
    public void CreateIndividual_BlankName_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => Customer.CreateIndividual(CustomerId.New(), " ", "Martin", ContactDetails.None, s_now));

        Assert.Equal("firstName", error.ParamName);
    }

    [Theory]
    [InlineData("SUV")]
    [InlineData("city car")]
    [InlineData("")]
    public void ProductSegment_InvalidCode_Throws(string code)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ProductSegment(code));
    }
}
