using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;

namespace EcoDrive.Application.Tests.Services;

/// <summary>An open lead's details and interests changed through the service; a closed lead's refused without a write.</summary>
public sealed class LeadUpdateTests
{
    [Fact]
    public async Task UpdateDetails_OpenLead_AreTheOnesReadBack()
    {
        await using var host = new TestHost();
        var lead = await host.QualifiedLeadAsync("nina@example.fr");

        await host.Leads.UpdateDetailsAsync(TestHost.Sophie, lead, "Nina", "Roux-Marchand", ContactDetails.Parse("nina.roux@example.fr", "06 98 76 54 32"));

        var read = await host.Leads.GetAsync(TestHost.Sophie, lead);
        Assert.Equal("Roux-Marchand", read.LastName);
        Assert.Equal("nina.roux@example.fr", read.Contact.Email?.Value);
        Assert.Equal("+33698765432", read.Contact.Phone?.E164);
    }

    [Fact]
    public async Task UpdateDetails_WonLead_IsRefusedAndChangesNothing()
    {
        await using var host = new TestHost();
        var lead = await host.QualifiedLeadAsync("nina@example.fr");
        await host.Leads.WinAsync(TestHost.Sophie, lead);

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            host.Leads.UpdateDetailsAsync(TestHost.Sophie, lead, "Nina", "Other", ContactDetails.Parse("other@example.fr", null)));

        Assert.Equal(ErrorCodes.Lead.InvalidTransition, error.Code);
        Assert.Equal("nina@example.fr", (await host.Leads.GetAsync(TestHost.Sophie, lead)).Contact.Email?.Value);
    }

    [Fact]
    public async Task Interests_AddedThenRemoved_AreWhatRemains()
    {
        await using var host = new TestHost();
        var lead = await host.QualifiedLeadAsync("nina@example.fr");

        await host.Leads.AddInterestAsync(TestHost.Sophie, lead, ProductSegment.Utility);
        await host.Leads.AddInterestAsync(TestHost.Sophie, lead, ProductSegment.CityCar);
        await host.Leads.RemoveInterestAsync(TestHost.Sophie, lead, ProductSegment.Utility);

        Assert.Contains(ProductSegment.CityCar, (await host.Leads.GetAsync(TestHost.Sophie, lead)).Interests);
        Assert.DoesNotContain(ProductSegment.Utility, (await host.Leads.GetAsync(TestHost.Sophie, lead)).Interests);
    }

    [Fact]
    public async Task EveryUpdate_ByMarketing_IsDeniedNamingLeadsManage()
    {
        await using var host = new TestHost();
        var lead = await host.QualifiedLeadAsync("nina@example.fr");
        Func<Task>[] updates =
        [
            () => host.Leads.UpdateDetailsAsync(TestHost.Manon, lead, "A", "B", ContactDetails.Parse("a@example.fr", null)),
            () => host.Leads.AddInterestAsync(TestHost.Manon, lead, ProductSegment.Suv),
            () => host.Leads.RemoveInterestAsync(TestHost.Manon, lead, ProductSegment.Suv),
        ];

        foreach (var update in updates)
        {
            Assert.Equal(Permissions.LeadsManage, (await Assert.ThrowsAsync<PermissionDeniedException>(update)).Permission);
        }
    }
}
