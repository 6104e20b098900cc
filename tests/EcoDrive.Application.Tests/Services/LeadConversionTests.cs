using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Application.Tests.Services;

public sealed class LeadConversionTests
{
    [Fact]
    public async Task Win_LeadWithTheEmailOfAnExistingCustomer_LinksThatCustomerAndCreatesNoDuplicate()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var lead = await host.QualifiedLeadAsync("  Camille.Martin@EXAMPLE.fr ", null, ProductSegment.Utility);

        var won = await host.Leads.WinAsync(TestHost.Sophie, lead);

        Assert.Equal(camille, won);
        Assert.Equal(camille, (await host.Leads.GetAsync(TestHost.Sophie, lead)).CustomerId);
        var customer = Assert.Single(await host.AllCustomersAsync());
        Assert.Contains(ProductSegment.Utility, customer.Interests);
    }

    [Fact]
    public async Task Win_LeadWithOnlyThePhoneOfAnExistingCustomer_LinksThatCustomer()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        var lead = await host.QualifiedLeadAsync("camille.perso@example.fr", "+33 6 12 34 56 78", ProductSegment.Suv);

        Assert.Equal(camille, await host.Leads.WinAsync(TestHost.Sophie, lead));
        Assert.Single(await host.AllCustomersAsync());
    }

    [Fact]
    public async Task Win_NewContact_CreatesTheCustomerAndTheLeadKeepsItsId()
    {
        await using var host = new TestHost();
        await host.AddCamilleAsync();
        var lead = await host.QualifiedLeadAsync("jules.bernard@example.fr", null, ProductSegment.CityCar);

        var won = await host.Leads.WinAsync(TestHost.Sophie, lead);

        Assert.Equal(2, (await host.AllCustomersAsync()).Count);
        var snapshot = await host.Leads.GetAsync(TestHost.Sophie, lead);
        Assert.Equal((LeadStage.Won, won), (snapshot.Stage, snapshot.CustomerId));
        var customer = await host.Customers.GetAsync(TestHost.Sophie, won);
        Assert.Equal(("Camille", "jules.bernard@example.fr", TestHost.Sophie.Id), (customer.FirstName, customer.Email?.Value, customer.OwnerId));
    }

    [Fact]
    public async Task Win_ContactMatchingTwoCustomers_LinksOneOfThemWithoutCreatingAThird()
    {
        await using var host = new TestHost();
        var byEmail = await host.Customers.CreateIndividualAsync(TestHost.Sophie, "Camille", "Martin", ContactDetails.Parse("camille@example.fr", null));
        var byPhone = await host.Customers.CreateIndividualAsync(TestHost.Sophie, "C.", "Martin", ContactDetails.Parse(null, "06 12 34 56 78"));
        var lead = await host.QualifiedLeadAsync("camille@example.fr", "06 12 34 56 78", ProductSegment.Suv);

        var won = await host.Leads.WinAsync(TestHost.Sophie, lead);

        Assert.Contains(won, new[] { byEmail, byPhone });
        Assert.Equal(2, (await host.AllCustomersAsync()).Count);
    }

    [Fact]
    public async Task Win_LeadThatOptedOutAfterTheCustomerOptedIn_TheCustomerNoLongerConsents()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        await host.Customers.GrantMarketingConsentAsync(TestHost.Sophie, camille, "newsletter form");
        host.Clock.Advance(TimeSpan.FromDays(1));
        var lead = await host.QualifiedLeadAsync("camille.martin@example.fr", null, ProductSegment.Suv);
        await host.Leads.WithdrawMarketingConsentAsync(TestHost.Sophie, lead, "phone call");

        await host.Leads.WinAsync(TestHost.Sophie, lead);

        var customer = await host.Customers.GetAsync(TestHost.Sophie, camille);
        Assert.Equal([true, false], customer.ConsentHistory.Select(c => c.Granted));
    }

    [Fact]
    public async Task Win_NewLead_IsRefusedAndCreatesNoCustomer()
    {
        await using var host = new TestHost();
        var lead = await host.Leads.CaptureAsync(
            TestHost.Sophie, "Jules", "Bernard", ContactDetails.Parse("jules@example.fr", null), LeadSource.From(LeadChannel.Website), []);

        await Assert.ThrowsAsync<InvalidTransitionException>(() => host.Leads.WinAsync(TestHost.Sophie, lead));

        Assert.Empty(await host.AllCustomersAsync());
        Assert.Null((await host.Leads.GetAsync(TestHost.Sophie, lead)).CustomerId);
    }

    [Fact]
    public async Task ReopenAndReassign_KeepTheirActorAndTime()
    {
        await using var host = new TestHost();
        var lead = await host.QualifiedLeadAsync("jules@example.fr", null, ProductSegment.Suv);
        await host.Leads.LoseAsync(TestHost.Sophie, lead, "budget");
        host.Clock.Advance(TimeSpan.FromDays(30));

        await host.Leads.ReopenAsync(TestHost.Helene, lead);
        await host.Leads.AssignOwnerAsync(TestHost.Helene, lead, TestHost.Mathis.Id);

        var snapshot = await host.Leads.GetAsync(TestHost.Sophie, lead);
        Assert.Equal(LeadStage.Qualified, snapshot.Stage);
        Assert.Equal((TestHost.Helene.Id, host.Clock.GetUtcNow()), (snapshot.History[^1].Actor, snapshot.History[^1].At));
        Assert.Equal(new LeadOwnerChange(TestHost.Sophie.Id, TestHost.Mathis.Id, host.Clock.GetUtcNow(), TestHost.Helene.Id), Assert.Single(snapshot.OwnerHistory));
    }
}
