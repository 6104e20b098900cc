using System.Text.Json;
using EcoDrive.Core.Customers;
using Snapshooter.Xunit;

namespace EcoDrive.Core.Tests.Customers;

public sealed class CustomerPrivacyTests
{
    private static readonly DateTimeOffset s_created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    internal static Customer FullCustomer()
    {
        var customer = Customer.CreateIndividual(
            new CustomerId(Guid.Parse("0190f5e2-7a3b-7c4d-8e5f-123456789abc")), "Camille", "Martin",
            ContactDetails.Parse("Camille.Martin@Example.fr", "06 12 34 56 78", new PostalAddress("12 rue des Lilas", "69003", "Lyon", line2: "Bâtiment B")),
            s_created);
        customer.AddInterest(ProductSegment.Suv);
        customer.AddInterest(ProductSegment.CityCar);
        customer.AssignOwner(new UserId(Guid.Parse("0190f5e2-0000-7000-8000-000000000001")));
        customer.GrantMarketingConsent(s_created.AddMinutes(5), "showroom form");
        customer.WithdrawMarketingConsent(s_created.AddDays(40), "unsubscribe link");
        customer.GrantMarketingConsent(s_created.AddDays(90), "test-drive booking");
        return customer;
    }

    [Fact]
    public void Json_OfAFullCustomer_MatchesTheSnapshot()
    {
        var json = JsonSerializer.Serialize(FullCustomer().ToSnapshot(), EcoDriveJson.Options);

        Snapshot.Match(JsonSnapshot.Of(json));
    }

    [Fact]
    public void Json_OfACustomer_RoundTripsToTheSameRecord()
    {
        var snapshot = FullCustomer().ToSnapshot();

        var read = JsonSerializer.Deserialize<CustomerSnapshot>(JsonSerializer.Serialize(snapshot, EcoDriveJson.Options), EcoDriveJson.Options)!;

        Assert.Equal(snapshot.Email, read.Email);
        Assert.Equal(snapshot.Phone, read.Phone);
        Assert.Equal(snapshot.BillingAddress, read.BillingAddress);
        Assert.Equal(snapshot.Interests, read.Interests);
        Assert.Equal(snapshot.ConsentHistory, read.ConsentHistory);
        Assert.Equal(snapshot.OwnerId, read.OwnerId);
    }

    [Fact]
    public void ExportPersonalData_MatchesTheSnapshot()
    {
        var export = FullCustomer().ExportPersonalData(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Snapshot.Match(JsonSnapshot.Of(export));
    }

    [Fact]
    public void Erase_RemovesContactDataNamesInterestsAndConsent()
    {
        var customer = FullCustomer();

        customer.Erase(s_created.AddYears(1));

        Assert.True(customer.IsErased);
        Assert.Equal("erased erased", customer.DisplayName);
        Assert.Null(customer.Email);
        Assert.Null(customer.Phone);
        Assert.Null(customer.BillingAddress);
        Assert.Empty(customer.Interests);
        Assert.Empty(customer.ConsentHistory);
        Assert.False(customer.HasMarketingConsent);
        Assert.False(customer.SharesContactWith(ContactDetails.Parse("camille.martin@example.fr", "06 12 34 56 78")));
        Assert.DoesNotContain("Camille", customer.ExportPersonalData(s_created.AddYears(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Erase_Twice_KeepsTheFirstErasureTime()
    {
        var customer = FullCustomer();
        customer.Erase(s_created.AddYears(1));

        customer.Erase(s_created.AddYears(2));

        Assert.Equal(s_created.AddYears(1), customer.ErasedAt);
    }

    [Fact]
    public void ChangeAfterErasure_IsRefusedAndChangesNothing()
    {
        var customer = FullCustomer();
        customer.Erase(s_created.AddYears(1));

        var error = Assert.Throws<DomainException>(() => customer.UpdateContact(ContactDetails.Parse("camille@example.fr", null)));

        Assert.Equal("customer.erased", error.Code);
        Assert.Null(customer.Email);
        Assert.Throws<DomainException>(() => customer.GrantMarketingConsent(s_created.AddYears(2), "web"));
        Assert.Throws<DomainException>(() => customer.AddInterest(ProductSegment.Suv));
    }

    [Fact]
    public void Erase_Company_KeepsTheLegalNameAndRegistration()
    {
        var company = Customer.CreateCompany(
            CustomerId.New(), "Transports Durand SARL", ContactDetails.Parse("contact@durand.fr", null), s_created,
            CompanyRegistration.Parse("732829320", "73282932000074", "FR44732829320"));

        company.Erase(s_created.AddYears(1));

        Assert.Equal("Transports Durand SARL", company.DisplayName);
        Assert.Equal("FR44732829320", company.Registration?.VatNumber?.Value);
        Assert.Null(company.Email);
    }

    [Fact]
    public void Register_Person_IsRefused()
    {
        Assert.Equal(ErrorCodes.Customer.NotACompany, Assert.Throws<DomainException>(() => FullCustomer().Register(CompanyRegistration.Parse("732829320"))).Code);
    }
}
