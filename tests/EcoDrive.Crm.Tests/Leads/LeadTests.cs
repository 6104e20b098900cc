using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Crm.Tests.Leads;

public sealed class LeadTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId s_sophie = UserId.New();

    private static Lead NewLead() => Lead.Capture(
        LeadId.New(), "Camille", "Martin", ContactDetails.Parse("camille@example.fr", "06 12 34 56 78"),
        LeadSource.From(LeadChannel.Showroom), [ProductSegment.Suv], s_sophie, s_start);

    [Fact]
    public void Pipeline_ContactQualifyOfferWin_RecordsEachMoveWithActorAndTime()
    {
        var lead = NewLead();
        var customer = CustomerId.New();

        lead.Contact(s_sophie, s_start.AddHours(1));
        lead.Qualify(s_sophie, s_start.AddHours(2));
        lead.SendOffer(s_sophie, s_start.AddHours(3));
        lead.Win(customer, s_sophie, s_start.AddHours(4));

        Assert.Equal(LeadStage.Won, lead.Stage);
        Assert.Equal(customer, lead.CustomerId);
        Assert.Equal(
            [LeadStage.Contacted, LeadStage.Qualified, LeadStage.OfferSent, LeadStage.Won],
            lead.History.Select(h => h.To));
        Assert.All(lead.History, h => Assert.Equal(s_sophie, h.Actor));
        Assert.Equal(s_start.AddHours(4), lead.History[^1].At);
        Assert.Equal(4, lead.DomainEvents.Count);
    }

    [Fact]
    public void Win_FromNew_IsRefusedNamingStageAndAllowedMovesAndChangesNothing()
    {
        var lead = NewLead();

        var error = Assert.Throws<InvalidTransitionException>(() => lead.Win(CustomerId.New(), s_sophie, s_start));

        Assert.Equal("lead.invalid-transition", error.Code);
        Assert.Equal("New", error.State);
        Assert.Equal(["Contact", "Lose"], error.PermittedTriggers);
        Assert.Equal(LeadStage.New, lead.Stage);
        Assert.Null(lead.CustomerId);
        Assert.Empty(lead.History);
    }

    [Fact]
    public void Lose_ThenReopen_ReturnsToTheStageItWasLostFrom()
    {
        var lead = NewLead();
        lead.Contact(s_sophie, s_start);
        lead.Qualify(s_sophie, s_start);

        lead.Lose("bought elsewhere", s_sophie, s_start.AddDays(1));
        Assert.Equal(LeadStage.Lost, lead.Stage);
        Assert.Equal("bought elsewhere", lead.LostReason);

        lead.Reopen(s_sophie, s_start.AddDays(30));
        Assert.Equal(LeadStage.Qualified, lead.Stage);
        Assert.Null(lead.LostReason);
    }

    [Fact]
    public void Lose_WithoutReason_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => NewLead().Lose(" ", s_sophie, s_start));

        Assert.Equal("reason", error.ParamName);
    }

    [Fact]
    public void Contact_WhenWon_IsRefused()
    {
        var lead = NewLead();
        lead.Contact(s_sophie, s_start);
        lead.Qualify(s_sophie, s_start);
        lead.Win(CustomerId.New(), s_sophie, s_start);

        Assert.Throws<InvalidTransitionException>(() => lead.Lose("changed mind", s_sophie, s_start));
        Assert.Throws<InvalidTransitionException>(() => lead.Reopen(s_sophie, s_start));
    }

    [Fact]
    public void ToNewCustomer_CarriesNameContactInterestsAndOwner()
    {
        var lead = NewLead();

        var customer = lead.ToNewCustomer(CustomerId.New(), s_start);

        Assert.Equal("Camille Martin", customer.DisplayName);
        Assert.Equal("+33612345678", customer.Phone?.E164);
        Assert.Contains(ProductSegment.Suv, customer.Interests);
        Assert.Equal(s_sophie, customer.OwnerId);
    }

    [Fact]
    public void Source_FromCampaign_KeepsTheCampaign()
    {
        var campaign = CampaignId.New();

        var source = LeadSource.FromCampaign(campaign);

        Assert.Equal(campaign, source.CampaignId);
        Assert.Equal("campaign", source.Code);
        Assert.Throws<InvalidInputException>(() => LeadSource.From(LeadChannel.Campaign));
    }

    [Fact]
    public void AssignOwner_ToAnotherSalesperson_KeepsWhoChangedItAndWhen()
    {
        var lead = NewLead();
        var marc = UserId.New();
        var director = UserId.New();

        Assert.True(lead.AssignOwner(marc, director, s_start.AddDays(1)));
        Assert.False(lead.AssignOwner(marc, director, s_start.AddDays(2)));

        Assert.Equal(marc, lead.OwnerId);
        var change = Assert.Single(lead.OwnerHistory);
        Assert.Equal(new LeadOwnerChange(s_sophie, marc, s_start.AddDays(1), director), change);
    }

    [Fact]
    public void HasMarketingConsent_FollowsTheLatestStatement()
    {
        var lead = NewLead();
        Assert.False(lead.HasMarketingConsent);

        lead.GrantMarketingConsent(s_start, "showroom form");
        Assert.True(lead.HasMarketingConsent);

        lead.WithdrawMarketingConsent(s_start.AddDays(3), "unsubscribe link");
        Assert.False(lead.HasMarketingConsent);
        Assert.Equal(2, lead.ConsentHistory.Count);
    }

    [Fact]
    public void ToNewCustomer_CarriesTheConsentHistory()
    {
        var lead = NewLead();
        lead.GrantMarketingConsent(s_start, "showroom form");

        var customer = lead.ToNewCustomer(CustomerId.New(), s_start.AddDays(1));

        Assert.True(customer.HasMarketingConsent);
        Assert.Equal(lead.ConsentHistory, customer.ConsentHistory);
    }

    [Fact]
    public void CarryConsentTo_ExistingCustomer_AppendsOnlyStatementsNewerThanTheCustomersOwn()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.Parse("camille@example.fr", null), s_start);
        customer.GrantMarketingConsent(s_start.AddDays(5), "newsletter form");
        var lead = NewLead();
        lead.WithdrawMarketingConsent(s_start.AddDays(1), "phone");
        lead.GrantMarketingConsent(s_start.AddDays(2), "phone");
        lead.WithdrawMarketingConsent(s_start.AddDays(9), "unsubscribe link");

        lead.CarryConsentTo(customer);

        Assert.Equal([s_start.AddDays(5), s_start.AddDays(9)], customer.ConsentHistory.Select(c => c.At));
        Assert.False(customer.HasMarketingConsent);
    }

    [Fact]
    public void Reopen_WhenNotLost_IsRefusedNamingTheAllowedMoves()
    {
        var lead = NewLead();
        lead.Contact(s_sophie, s_start);

        var error = Assert.Throws<InvalidTransitionException>(() => lead.Reopen(s_sophie, s_start));

        Assert.Equal("Reopen", error.Trigger);
        Assert.Equal(["Qualify", "Lose"], error.PermittedTriggers);
        Assert.Equal(LeadStage.Contacted, lead.Stage);
    }
}
