using EcoDrive.Crm.Campaigns;

namespace EcoDrive.Crm.Tests.Campaigns;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId s_marketing = UserId.New();
    private static readonly Recipient s_camille = new(PartyRef.Customer(CustomerId.New()), "Camille", "camille@example.fr");
    private static readonly Recipient s_nina = new(PartyRef.Lead(LeadId.New()), "Nina", "nina@example.fr");

    private static Campaign SuvPromotion() => Campaign.Create(
        CampaignId.New(), "SUV spring promotion", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Email,
        CampaignMessage.Create("{model} : {offer}", "Bonjour {firstName}, le {model} est à {offer}.", "Volt X5", "-10 %"),
        s_marketing, s_at);

    [Fact]
    public void Launch_RendersOnePendingMessagePerRecipient()
    {
        var campaign = SuvPromotion();

        campaign.Launch([s_camille, s_nina], s_marketing, s_at.AddHours(1));

        Assert.Equal(CampaignStatus.Sending, campaign.Status);
        var messages = campaign.PendingMessages();
        Assert.Equal(["Bonjour Camille, le Volt X5 est à -10 %.", "Bonjour Nina, le Volt X5 est à -10 %."], messages.Select(m => m.Body));
        Assert.All(messages, m => Assert.Equal("Volt X5 : -10 %", m.Subject));
        Assert.Equal(messages.Select(m => m.MessageId), campaign.PendingMessages().Select(m => m.MessageId));
        Assert.Equal(2, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public void RecordDelivery_LastOne_CompletesTheCampaignAndRepeatsChangeNothing()
    {
        var campaign = SuvPromotion();
        campaign.Launch([s_camille, s_nina], s_marketing, s_at);

        Assert.True(campaign.RecordDelivery(s_camille.Party, SendResult.Sent, s_at.AddMinutes(1)));
        Assert.True(campaign.RecordDelivery(s_nina.Party, SendResult.Failed("mailbox full"), s_at.AddMinutes(2)));
        Assert.False(campaign.RecordDelivery(s_nina.Party, SendResult.Sent, s_at.AddMinutes(3)));

        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Failed], campaign.Deliveries.Select(d => d.Status));
        Assert.Equal("mailbox full", campaign.Deliveries[1].Error);
        Assert.Empty(campaign.PendingMessages());
    }

    [Fact]
    public void Launch_Twice_IsRefusedAndChangesNothing()
    {
        var campaign = SuvPromotion();
        campaign.Launch([s_camille], s_marketing, s_at);

        var error = Assert.Throws<InvalidTransitionException>(() => campaign.Launch([s_nina], s_marketing, s_at));

        Assert.Equal("campaign.invalid-transition", error.Code);
        Assert.Equal(s_camille.Party, Assert.Single(campaign.Deliveries).Recipient);
    }

    [Fact]
    public void Launch_SamePartyTwice_ThrowsAndChangesNothing()
    {
        var campaign = SuvPromotion();

        Assert.Throws<InvalidInputException>(() => campaign.Launch([s_camille, s_camille with { Address = "other@example.fr" }], s_marketing, s_at));

        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Empty(campaign.Deliveries);
    }

    [Fact]
    public void Launch_NobodyToReach_CompletesAtOnce()
    {
        var campaign = SuvPromotion();

        campaign.Launch([], s_marketing, s_at);

        Assert.Equal([CampaignStatus.Draft, CampaignStatus.Sending, CampaignStatus.Completed], campaign.History.Select(h => h.Status));
    }

    [Fact]
    public void Create_EmailWithoutSubjectOrSmsWithSubject_ThrowsNamingParameter()
    {
        Assert.Equal("message", Assert.Throws<InvalidInputException>(() => Campaign.Create(
            CampaignId.New(), "x", Segment.Everyone, CampaignChannel.Email, CampaignMessage.Create(null, "Bonjour {firstName}"), s_marketing, s_at)).ParamName);
        Assert.Equal("message", Assert.Throws<InvalidInputException>(() => Campaign.Create(
            CampaignId.New(), "x", Segment.Everyone, CampaignChannel.Sms, CampaignMessage.Create("Promo", "Bonjour {firstName}"), s_marketing, s_at)).ParamName);
    }

    [Fact]
    public void RecordDelivery_OnADraft_IsRefused()
    {
        var campaign = SuvPromotion();

        Assert.Throws<InvalidTransitionException>(() => campaign.RecordDelivery(s_camille.Party, SendResult.Sent, s_at));
    }
}
