using EcoDrive.Core.Customers;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Crm.Orders;

namespace EcoDrive.Crm.Tests;

/// <summary>Every free-text field of the CRM refuses control characters and oversized text, and bounded numbers stay bounded.</summary>
public sealed class FreeTextInCrmTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string s_tenMegabytes = new('x', 10 * 1024 * 1024);

    [Fact]
    public void Capture_NulInName_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => Lead.Capture(
            LeadId.New(), "Camille\u0000", "Martin", ContactDetails.Parse(null, null), LeadSource.From(LeadChannel.Website), [], null, s_at));

        Assert.Equal("firstName", error.ParamName);
    }

    [Fact]
    public void Capture_TenMegabyteName_ThrowsNamingParameter()
    {
        Assert.Equal("lastName", Assert.Throws<InvalidInputException>(() => Lead.Capture(
            LeadId.New(), "Camille", s_tenMegabytes, ContactDetails.Parse(null, null), LeadSource.From(LeadChannel.Website), [], null, s_at)).ParamName);
    }

    [Fact]
    public void Lose_ReasonWithNul_ThrowsAndKeepsTheStage()
    {
        var lead = Lead.Capture(LeadId.New(), "Camille", "Martin", ContactDetails.Parse(null, null), LeadSource.From(LeadChannel.Website), [], null, s_at);

        Assert.Equal("reason", Assert.Throws<InvalidInputException>(() => lead.Lose("too\u0000expensive", UserId.New(), s_at)).ParamName);
        Assert.Equal(LeadStage.New, lead.Stage);
        Assert.Null(lead.LostReason);
    }

    [Fact]
    public void Log_NoteWithLineBreaks_IsKept()
    {
        var interaction = Interaction.Log(InteractionId.New(), PartyRef.Customer(CustomerId.New()), InteractionKind.Call, UserId.New(), s_at, "called\r\n\tcall back Friday");

        Assert.Equal("called\r\n\tcall back Friday", interaction.Note);
    }

    [Fact]
    public void Log_NoteWithNulOrAboveMaxNoteLength_ThrowsNamingParameter()
    {
        var party = PartyRef.Customer(CustomerId.New());

        Assert.Equal("note", Assert.Throws<InvalidInputException>(() => Interaction.Log(InteractionId.New(), party, InteractionKind.Call, UserId.New(), s_at, "a\u0000b")).ParamName);
        Assert.Equal("note", Assert.Throws<InvalidInputException>(() => Interaction.Log(
            InteractionId.New(), party, InteractionKind.Call, UserId.New(), s_at, new string('n', Limits.MaxNoteLength + 1))).ParamName);
    }

    [Fact]
    public void Schedule_TenMegabytePurpose_ThrowsNamingParameter()
    {
        Assert.Equal("purpose", Assert.Throws<InvalidInputException>(() => FollowUp.Schedule(
            FollowUpId.New(), PartyRef.Customer(CustomerId.New()), UserId.New(), s_at.AddDays(1), s_tenMegabytes, UserId.New(), s_at)).ParamName);
    }

    [Fact]
    public void Complete_OutcomeWithNul_ThrowsAndStaysOpen()
    {
        var followUp = FollowUp.Schedule(FollowUpId.New(), PartyRef.Customer(CustomerId.New()), UserId.New(), s_at.AddDays(1), "call back", UserId.New(), s_at);

        Assert.Equal("outcome", Assert.Throws<InvalidInputException>(() => followUp.Complete(UserId.New(), s_at, "done\u0000")).ParamName);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
    }

    [Fact]
    public void CreateCampaign_NameWithNul_ThrowsNamingParameter()
    {
        Assert.Equal("name", Assert.Throws<InvalidInputException>(() => Campaign.Create(
            CampaignId.New(), "SUV\u0000", Segment.InterestedIn(ProductSegment.Suv), CampaignChannel.Sms, CampaignMessage.Create(null, "Bonjour {firstName}"), UserId.New(), s_at)).ParamName);
    }

    [Fact]
    public void MessageTemplate_MultilineAccepted_ButNulAndOversizeRefused()
    {
        Assert.Equal("Bonjour\n{firstName}", MessageTemplate.Parse("Bonjour\n{firstName}").ToString());
        Assert.Equal("text", Assert.Throws<InvalidInputException>(() => MessageTemplate.Parse("Bonjour\u0000")).ParamName);
        Assert.Equal("text", Assert.Throws<InvalidInputException>(() => MessageTemplate.Parse(new string('t', Limits.MaxTemplateLength + 1))).ParamName);
    }

    [Fact]
    public void CreateMessage_SubjectWithLineBreak_ThrowsNamingParameter()
    {
        Assert.Equal("subject", Assert.Throws<InvalidInputException>(() => CampaignMessage.Create("Promo\r\nBcc: all", "Bonjour")).ParamName);
    }

    [Fact]
    public void OfferLine_Int32MaxValueOrDecimalMaxValue_ThrowsNamingParameter()
    {
        Assert.Equal("quantity", Assert.Throws<InvalidInputException>(() =>
            new OfferLine(ProductId.New(), "Volt", int.MaxValue, Money.Euros(1m), VatRate.FrenchStandard)).ParamName);
        Assert.Equal("unitPrice", Assert.Throws<InvalidInputException>(() =>
            new OfferLine(ProductId.New(), "Volt", 1, Money.Euros(decimal.MaxValue), VatRate.FrenchStandard)).ParamName);
        Assert.Equal("model", Assert.Throws<InvalidInputException>(() =>
            new OfferLine(ProductId.New(), "Volt\u0000", 1, Money.Euros(1m), VatRate.FrenchStandard)).ParamName);
    }

    [Fact]
    public void DraftOffer_NetTotalAboveMaxAmount_ThrowsOfferLimitExceeded()
    {
        var line = new OfferLine(ProductId.New(), "Volt", 2, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard);

        Assert.Equal("offer.limit-exceeded", Assert.Throws<LimitExceededException>(() =>
            Offer.Draft(OfferId.New(), PartyRef.Customer(CustomerId.New()), [line], s_at.AddDays(14), UserId.New(), s_at)).Code);
    }

    [Fact]
    public void RecordOrder_DecimalMaxValuePriceTimesTwo_IsRefusedBeforeOverflow()
    {
        // The black-box case: ordering 2 units at decimal.MaxValue answered 500. The line itself is now refused.
        Assert.Throws<InvalidInputException>(() => new OrderLine(ProductId.New(), 2, Money.Euros(decimal.MaxValue), VatRate.FrenchStandard));

        var atMaximum = new OrderLine(ProductId.New(), 2, Money.Euros(Limits.MaxAmount), VatRate.FrenchStandard);
        Assert.Equal("order.limit-exceeded", Assert.Throws<LimitExceededException>(() =>
            OrderView.Record(OrderId.New(), CustomerId.New(), UserId.New(), [atMaximum], s_at)).Code);
    }
}
