using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;

namespace EcoDrive.Application.Tests.Services;

/// <summary>A customer's record changed through the service: each change checked, permitted, and refused without a write.</summary>
public sealed class CustomerUpdateTests
{
    [Fact]
    public async Task UpdateContact_NewDetails_AreTheOnesReadBack()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        await host.Customers.UpdateContactAsync(
            TestHost.Sophie, camille, ContactDetails.Parse("camille@martin.fr", "07 81 22 33 44", new PostalAddress("3 quai Saint-Vincent", "69001", "Lyon")));

        var customer = await host.Customers.GetAsync(TestHost.Sophie, camille);
        Assert.Equal("camille@martin.fr", customer.Email?.Value);
        Assert.Equal("+33781223344", customer.Phone?.E164);
        Assert.Equal("69001", customer.BillingAddress?.PostalCode);
    }

    [Fact]
    public async Task UpdateContact_AnotherCustomersEmail_IsRefusedAsADuplicateNamingItAndChangesNothing()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var nina = await host.Customers.CreateIndividualAsync(TestHost.Sophie, "Nina", "Roux", ContactDetails.Parse("nina@example.fr", null));

        var error = await Assert.ThrowsAsync<DuplicateCustomerException>(() =>
            host.Customers.UpdateContactAsync(TestHost.Sophie, nina, ContactDetails.Parse("camille.martin@example.fr", null)));

        Assert.Equal(camille, error.ExistingId);
        Assert.Equal("nina@example.fr", (await host.Customers.GetAsync(TestHost.Sophie, nina)).Email?.Value);
    }

    [Fact]
    public async Task UpdateContact_ItsOwnDetailsAgain_IsNotADuplicate()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        await host.Customers.UpdateContactAsync(TestHost.Sophie, camille, ContactDetails.Parse("camille.martin@example.fr", "06 12 34 56 78"));

        Assert.Null((await host.Customers.GetAsync(TestHost.Sophie, camille)).BillingAddress);
    }

    [Fact]
    public async Task RegisterCompany_OnACompany_KeepsTheRegistration_AndOnAPersonIsRefused()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var durand = await host.Customers.CreateCompanyAsync(TestHost.Sophie, "Transports Durand SARL", ContactDetails.Parse("contact@durand.fr", null));
        var registration = CompanyRegistration.Parse("732829320", null, "FR44732829320");

        await host.Customers.RegisterCompanyAsync(TestHost.Sophie, durand, registration);
        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Customers.RegisterCompanyAsync(TestHost.Sophie, camille, registration));

        Assert.Equal("FR44732829320", (await host.Customers.GetAsync(TestHost.Sophie, durand)).Registration?.VatNumber?.Value);
        Assert.Equal(ErrorCodes.Customer.NotACompany, refused.Code);
        Assert.Null((await host.Customers.GetAsync(TestHost.Sophie, camille)).Registration);
    }

    [Fact]
    public async Task AssignOwner_ToAnotherSalesperson_MovesTheRelationship()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        await host.Customers.AssignOwnerAsync(TestHost.Sophie, camille, TestHost.Mathis.Id);

        Assert.Equal(TestHost.Mathis.Id, (await host.Customers.GetAsync(TestHost.Sophie, camille)).OwnerId);
    }

    [Fact]
    public async Task AssignOwner_ToAnUnknownUserOrOneWhoCannotHoldIt_IsRefusedAndChangesNothing()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var unknown = await Assert.ThrowsAsync<UnknownUserException>(() => host.Customers.AssignOwnerAsync(TestHost.Sophie, camille, UserId.New()));
        var warehouse = await Assert.ThrowsAsync<UserCannotHoldWorkException>(() => host.Customers.AssignOwnerAsync(TestHost.Sophie, camille, TestHost.Marc.Id));

        Assert.Equal(ErrorCodes.User.Unknown, unknown.Code);
        Assert.Equal(Permissions.CustomersWrite, warehouse.Permission);
        Assert.Equal(TestHost.Sophie.Id, (await host.Customers.GetAsync(TestHost.Sophie, camille)).OwnerId);
    }

    [Fact]
    public async Task Interests_AddedThenRemoved_AreWhatRemains()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        await host.Customers.AddInterestAsync(TestHost.Sophie, camille, ProductSegment.Suv);
        await host.Customers.AddInterestAsync(TestHost.Sophie, camille, ProductSegment.CityCar);
        await host.Customers.RemoveInterestAsync(TestHost.Sophie, camille, ProductSegment.Suv);
        await host.Customers.RemoveInterestAsync(TestHost.Sophie, camille, ProductSegment.Utility);

        Assert.Equal([ProductSegment.CityCar], (await host.Customers.GetAsync(TestHost.Sophie, camille)).Interests);
    }

    [Fact]
    public async Task WithdrawConsent_AfterGrantingIt_EndsTheConsentAndKeepsBothInTheHistory()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        await host.Customers.GrantMarketingConsentAsync(TestHost.Sophie, camille, "showroom form");
        host.Clock.Advance(TimeSpan.FromDays(30));

        await host.Customers.WithdrawMarketingConsentAsync(TestHost.Sophie, camille, "unsubscribe link");

        var customer = await host.Customers.GetAsync(TestHost.Sophie, camille);
        Assert.False(customer.ConsentHistory[^1].Granted);
        Assert.Equal([true, false], customer.ConsentHistory.Select(c => c.Granted));
        Assert.Equal("unsubscribe link", customer.ConsentHistory[^1].Source);
    }

    [Fact]
    public async Task EveryUpdate_ByMarketing_IsDeniedNamingCustomersWrite()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        Func<Task>[] updates =
        [
            () => host.Customers.UpdateContactAsync(TestHost.Manon, camille, ContactDetails.Parse("x@example.fr", null)),
            () => host.Customers.RegisterCompanyAsync(TestHost.Manon, camille, CompanyRegistration.Parse("732829320")),
            () => host.Customers.AssignOwnerAsync(TestHost.Manon, camille, TestHost.Manon.Id),
            () => host.Customers.RemoveInterestAsync(TestHost.Manon, camille, ProductSegment.Suv),
            () => host.Customers.WithdrawMarketingConsentAsync(TestHost.Manon, camille, "phone"),
        ];

        foreach (var update in updates)
        {
            Assert.Equal(Permissions.CustomersWrite, (await Assert.ThrowsAsync<PermissionDeniedException>(update)).Permission);
        }
    }
}
