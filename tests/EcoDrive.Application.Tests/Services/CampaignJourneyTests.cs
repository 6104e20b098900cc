using Microsoft.Extensions.DependencyInjection;
using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Application.Tests.Services;

public sealed class CampaignJourneyTests
{
    private static readonly CampaignMessage s_promotion = CampaignMessage.Create(
        "{model} : {offer}", "Bonjour {firstName}, le {model} est à {offer} ce mois-ci.", "Volt X5 SUV", "-10 %");

    private static async Task<CustomerId> CustomerAsync(TestHost host, string firstName, string email, ProductSegment? interest, bool consent)
    {
        var id = await host.Customers.CreateIndividualAsync(TestHost.Sophie, firstName, "Durand", ContactDetails.Parse(email, null));
        if (interest is { } segment)
        {
            await host.Customers.AddInterestAsync(TestHost.Sophie, id, segment);
        }

        if (consent)
        {
            await host.Customers.GrantMarketingConsentAsync(TestHost.Sophie, id, "showroom form");
        }

        return id;
    }

    private static async Task<LeadId> ProspectAsync(TestHost host, string firstName, string email, ProductSegment interest, bool consent)
    {
        var id = await host.Leads.CaptureAsync(
            TestHost.Sophie, firstName, "Moreau", ContactDetails.Parse(email, null), LeadSource.From(LeadChannel.Website), [interest]);
        if (consent)
        {
            await host.Leads.GrantMarketingConsentAsync(TestHost.Sophie, id, "website form");
        }

        return id;
    }

    [Fact]
    public async Task BriefsSuvPromotion_ReachesExactlyTheConsentingCustomersAndProspectsInterestedInSuvsOnceEach()
    {
        await using var host = new TestHost();
        var camille = await CustomerAsync(host, "Camille", "camille@example.fr", ProductSegment.Suv, consent: true);
        await CustomerAsync(host, "Jules", "jules@example.fr", ProductSegment.CityCar, consent: true);
        await CustomerAsync(host, "Léa", "lea@example.fr", ProductSegment.Suv, consent: false);
        await CustomerAsync(host, "Hugo", "hugo@example.fr", interest: null, consent: true);
        var nina = await ProspectAsync(host, "Nina", "nina@example.fr", ProductSegment.Suv, consent: true);
        await ProspectAsync(host, "Paul", "paul@example.fr", ProductSegment.Suv, consent: false);
        var marie = await CustomerAsync(host, "Marie", "marie@example.fr", ProductSegment.Suv, consent: true);
        await ProspectAsync(host, "Marie", "Marie@Example.fr", ProductSegment.Suv, consent: true);

        var campaign = await host.Campaigns.CreateAsync(TestHost.Manon, "SUV spring promotion", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email, s_promotion);
        var preview = await host.Campaigns.PreviewAudienceAsync(TestHost.Manon, campaign);
        await host.Campaigns.LaunchAsync(TestHost.Manon, campaign);
        var report = await host.Campaigns.SendPendingAsync(TestHost.Manon, campaign);

        Assert.Equal(new AudienceCounts(Recipients: 3, Matched: 6, WithoutConsent: 2, Duplicates: 1, Unreachable: 0), preview);
        Assert.Equal(
            [
                ("camille@example.fr", "Bonjour Camille, le Volt X5 SUV est à -10 % ce mois-ci."),
                ("marie@example.fr", "Bonjour Marie, le Volt X5 SUV est à -10 % ce mois-ci."),
                ("nina@example.fr", "Bonjour Nina, le Volt X5 SUV est à -10 % ce mois-ci."),
            ],
            host.Outgoing.Sent.Select(m => (m.To, m.Body)).Order());
        Assert.All(host.Outgoing.Sent, m => Assert.Equal("Volt X5 SUV : -10 %", m.Subject));
        Assert.Equal(CampaignStatus.Completed, report.Status);
        Assert.Equal(
            new HashSet<PartyRef> { PartyRef.Customer(camille), PartyRef.Customer(marie), PartyRef.Lead(nina) },
            report.Deliveries.Where(d => d.Status == DeliveryStatus.Sent).Select(d => d.Recipient).ToHashSet());
        Assert.Equal(3, report.Deliveries.Count);
    }

    [Fact]
    public async Task SendPending_AgainOrLaunchAgain_SendsNothingMore()
    {
        await using var host = new TestHost();
        await CustomerAsync(host, "Camille", "camille@example.fr", ProductSegment.Suv, consent: true);
        var campaign = await host.Campaigns.CreateAsync(TestHost.Manon, "SUV", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email, s_promotion);
        await host.Campaigns.LaunchAsync(TestHost.Manon, campaign);
        await host.Campaigns.SendPendingAsync(TestHost.Manon, campaign);

        await host.Campaigns.SendPendingAsync(TestHost.Manon, campaign);
        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => host.Campaigns.LaunchAsync(TestHost.Manon, campaign));

        Assert.Equal("campaign.invalid-transition", error.Code);
        Assert.Single(host.Outgoing.Sent);
        Assert.Single((await host.Campaigns.GetReportAsync(TestHost.Manon, campaign)).Deliveries);
    }

    [Fact]
    public async Task SendPending_RefusedAddress_IsRecordedAsFailedWithTheProvidersReason()
    {
        await using var host = new TestHost();
        await CustomerAsync(host, "Camille", "camille@example.fr", ProductSegment.Suv, consent: true);
        await CustomerAsync(host, "Marie", "marie@example.fr", ProductSegment.Suv, consent: true);
        host.Outgoing.Refuse("marie@example.fr", "mailbox full");
        var campaign = await host.Campaigns.CreateAsync(TestHost.Manon, "SUV", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email, s_promotion);
        await host.Campaigns.LaunchAsync(TestHost.Manon, campaign);

        var report = await host.Campaigns.SendPendingAsync(TestHost.Manon, campaign);

        Assert.Equal((1, 1, 0), (report.Sent, report.Failed, report.Pending));
        Assert.Equal("mailbox full", report.Deliveries.Single(d => d.Status == DeliveryStatus.Failed).Error);
    }

    [Fact]
    public async Task LeadsAnsweringTheCampaign_CarryItAsSourceAndCountInItsConversion()
    {
        await using var host = new TestHost();
        var campaign = await host.Campaigns.CreateAsync(TestHost.Manon, "SUV", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email, s_promotion);
        var answered = await host.Leads.CaptureAsync(
            TestHost.Sophie, "Tom", "Roux", ContactDetails.Parse("tom@example.fr", null), LeadSource.FromCampaign(campaign), [ProductSegment.Suv]);
        await host.Leads.CaptureAsync(
            TestHost.Sophie, "Eva", "Roux", ContactDetails.Parse("eva@example.fr", null), LeadSource.FromCampaign(campaign), [ProductSegment.Suv]);
        await host.Leads.ContactAsync(TestHost.Sophie, answered);
        await host.Leads.QualifyAsync(TestHost.Sophie, answered);
        await host.Leads.WinAsync(TestHost.Sophie, answered);

        var report = await host.Campaigns.GetReportAsync(TestHost.Manon, campaign);

        Assert.Equal(campaign, (await host.Leads.GetAsync(TestHost.Sophie, answered)).Source.CampaignId);
        Assert.Equal((2, 1, 0.5m), (report.LeadsCreated, report.LeadsWon, report.ConversionRate));
    }

    [Fact]
    public async Task CaptureLead_FromAnUnknownCampaign_IsRefusedAndWritesNothing()
    {
        await using var host = new TestHost();

        var error = await Assert.ThrowsAsync<EntityNotFoundException>(() => host.Leads.CaptureAsync(
            TestHost.Sophie, "Tom", "Roux", ContactDetails.Parse("tom@example.fr", null), LeadSource.FromCampaign(CampaignId.New()), []));

        Assert.Equal("campaign.not-found", error.Code);
    }

    [Fact]
    public async Task Segment_OnLastPurchase_UsesTheCrmsOrderViews()
    {
        await using var host = new TestHost();
        var suv = await host.AddSuvAsync(inStock: 1);
        var buyer = await CustomerAsync(host, "Camille", "camille@example.fr", ProductSegment.Suv, consent: true);
        await CustomerAsync(host, "Marie", "marie@example.fr", ProductSegment.Suv, consent: true);
        var since = host.Clock.GetUtcNow();
        await host.Sales.SubmitAsync(TestHost.Sophie, buyer, [TestHost.Suvs(suv, 1)]);
        var campaign = await host.Campaigns.CreateAsync(
            TestHost.Manon, "Owners' club", Segment.LastPurchaseSince(since).And(Segment.Customers), CampaignChannel.Email, s_promotion);

        await host.Campaigns.LaunchAsync(TestHost.Manon, campaign);
        await host.Campaigns.SendPendingAsync(TestHost.Manon, campaign);

        Assert.Equal("camille@example.fr", Assert.Single(host.Outgoing.Sent).To);
    }

    [Fact]
    public async Task Campaigns_ForASalesperson_AreDeniedNamingCampaignsManage()
    {
        await using var host = new TestHost();

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            host.Campaigns.CreateAsync(TestHost.Sophie, "SUV", Segment.Everyone, CampaignChannel.Email, s_promotion));

        Assert.Equal(Permissions.CampaignsManage, error.Permission);
    }

    [Fact]
    public async Task SendPending_WithoutAMessageSender_RefusesNamingWhatToRegisterAndChangesNothing()
    {
        await using var host = new TestHost(services => services.AddEcoDriveInMemoryStorage().RemoveAll<IMessageSender>());
        await CustomerAsync(host, "Camille", "camille@example.fr", ProductSegment.Suv, consent: true);
        var campaign = await host.Campaigns.CreateAsync(TestHost.Manon, "SUV spring promotion", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email, s_promotion);
        await host.Campaigns.LaunchAsync(TestHost.Manon, campaign);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Campaigns.SendPendingAsync(TestHost.Manon, campaign));

        Assert.Contains(nameof(IMessageSender), error.Message, StringComparison.Ordinal);
        var report = await host.Campaigns.GetReportAsync(TestHost.Manon, campaign);
        Assert.Equal((1, 0, 0), (report.Pending, report.Sent, report.Failed));
    }
}
