using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>Campaigns, offers and follow-ups over HTTP, each through the application services behind the endpoints.</summary>
public sealed class CrmEndpointTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private const string SophieId = "0190f5e2-0000-7000-8000-000000000001";

    [Fact]
    public async Task Campaign_WithAndOrSegment_ReachesOnlyConsentingPeopleWhoMatch()
    {
        var rhone = await FanAsync("97411", "suv", consent: true);
        await FanAsync("97421", "suv", consent: false);
        await FanAsync("97431", "suv", consent: true);
        await FanAsync("97412", "city-car", consent: true);
        var marketing = host.As("Marketing");

        var created = await host.ReadAsync<JsonElement>(await marketing.PostAsJsonAsync("/campaigns", new
        {
            name = "SUV spring promotion",
            segment = new { and = new object[] { new { interestedIn = "suv" }, new { or = new object[] { new { postalCodeStartsWith = "9741" }, new { postalCodeStartsWith = "9742" } } } } },
            channel = "Email",
            message = new { subject = "{model}: {offer}", body = "Bonjour {firstName}, the {model} is yours with {offer}.", model = "Volt X5 SUV", offer = "a free wall box" },
        }));
        var id = created.GetProperty("id").GetString();
        var preview = await marketing.GetFromJsonAsync<JsonElement>($"/campaigns/{id}/audience");
        (await marketing.PostAsync($"/campaigns/{id}/launch", null)).EnsureSuccessStatusCode();
        var report = await host.ReadAsync<JsonElement>(await marketing.PostAsync($"/campaigns/{id}/send", null));

        Assert.Equal("(interested in suv and (postal code 9741* or postal code 9742*))", created.GetProperty("segment").GetString());
        Assert.Equal((2, 1, 1), (preview.GetProperty("matched").GetInt32(), preview.GetProperty("recipients").GetInt32(), preview.GetProperty("withoutConsent").GetInt32()));
        var delivery = Assert.Single(report.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(rhone, delivery.GetProperty("recipient").GetProperty("customerId").GetString());
        Assert.Equal("Sent", delivery.GetProperty("status").GetString());
        Assert.Equal("Completed", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CreateCampaign_SegmentObjectNamingTwoCriteria_Is400NamingItsPath()
    {
        var response = await host.As("Marketing").PostAsJsonAsync("/campaigns", new
        {
            name = "Bad segment",
            segment = new { and = new object[] { new { interestedIn = "suv" }, new { interestedIn = "suv", kind = "Lead" } } },
            channel = "Sms",
            message = new { body = "Hi {firstName}" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("segment.and[1]", out _), problem.ToString());
    }

    [Fact]
    public async Task Offer_DraftedSentAcceptedAndOrdered_BecomesAnOrderAtTheDiscountedPriceWithTheDirectorsApproval()
    {
        var productId = await host.AddProductAsync(inStock: 1);
        var customerId = await host.AddCustomerAsync();
        var sales = host.As("Salesperson");

        var draft = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync($"/customers/{customerId}/offers", new
        {
            items = new[] { new { productId, quantity = 1, discountPercent = 10 } }, validUntil = DateTimeOffset.UtcNow.AddDays(7),
            approvedBy = "0190f5e2-0000-7000-8000-000000000002",
        }));
        var offerId = draft.GetProperty("id").GetString();
        (await sales.PostAsync($"/offers/{offerId}/send", null)).EnsureSuccessStatusCode();
        (await sales.PostAsync($"/offers/{offerId}/accept", null)).EnsureSuccessStatusCode();
        var order = await host.ReadAsync<JsonElement>(await sales.PostAsync($"/offers/{offerId}/order", null));
        var offer = await sales.GetFromJsonAsync<JsonElement>($"/offers/{offerId}");

        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("37800.00", draft.GetProperty("lines")[0].GetProperty("netUnitPrice").GetProperty("amount").GetString());
        Assert.Equal("37800.00", order.GetProperty("lines")[0].GetProperty("unitPrice").GetProperty("amount").GetString());
        Assert.Equal(10m, order.GetProperty("priceApproval").GetProperty("discountPercent").GetDecimal());
        Assert.Equal("Accepted", offer.GetProperty("status").GetString());
        Assert.Equal(order.GetProperty("id").GetString(), offer.GetProperty("orderId").GetString());
        await host.WaitForStatusAsync(order.GetProperty("id").GetString()!, "Confirmed");
        var orders = await sales.GetFromJsonAsync<JsonElement>($"/customers/{customerId}/orders");
        Assert.Equal(order.GetProperty("id").GetString(), Assert.Single(orders.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Agenda_ListsOverdueAndDueFollowUpsUntilDone()
    {
        var sales = host.As("Salesperson");
        var lead = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/leads", new { firstName = "Jules", lastName = "Bernard", source = "Showroom" }));
        var leadId = lead.GetProperty("id").GetString();
        var overdue = await ScheduleAsync(leadId!, DateTimeOffset.UtcNow.AddHours(-2));
        var due = await ScheduleAsync(leadId!, DateTimeOffset.UtcNow.AddHours(2));
        var later = await ScheduleAsync(leadId!, DateTimeOffset.UtcNow.AddDays(3));
        (await sales.PostAsJsonAsync($"/leads/{leadId}/interactions", new { kind = "Call", note = "Asked for a test drive" })).EnsureSuccessStatusCode();

        var before = await sales.GetFromJsonAsync<JsonElement>("/follow-ups/agenda");
        (await sales.PostAsJsonAsync($"/follow-ups/{overdue}/completion", new { outcome = "Test drive booked" })).EnsureSuccessStatusCode();
        var after = await sales.GetFromJsonAsync<JsonElement>($"/follow-ups/agenda?salesperson={SophieId}&horizonHours=96");

        Assert.Contains(overdue, Ids(before, "overdue"));
        Assert.Contains(due, Ids(before, "due"));
        Assert.DoesNotContain(later, Ids(before, "due"));
        Assert.DoesNotContain(overdue, Ids(after, "overdue"));
        Assert.Contains(later, Ids(after, "due"));
        var interactions = await sales.GetFromJsonAsync<JsonElement>($"/leads/{leadId}/interactions");
        Assert.Equal("Call", Assert.Single(interactions.EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Lead_LostThenReopenedAndReassigned_KeepsItsStageAndNewOwner()
    {
        var sales = host.As("Salesperson");
        var lead = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/leads", new { firstName = "Inès", lastName = "Roux", source = "Website" }));
        var leadId = lead.GetProperty("id").GetString();
        (await sales.PostAsync($"/leads/{leadId}/contact", null)).EnsureSuccessStatusCode();
        (await sales.PostAsJsonAsync($"/leads/{leadId}/lose", new { reason = "price" })).EnsureSuccessStatusCode();

        (await sales.PostAsync($"/leads/{leadId}/reopen", null)).EnsureSuccessStatusCode();
        (await host.As("SalesDirector").PutAsJsonAsync($"/leads/{leadId}/owner", new { salespersonId = "0190f5e2-0000-7000-8000-000000000002" })).EnsureSuccessStatusCode();

        var reopened = await sales.GetFromJsonAsync<JsonElement>($"/leads/{leadId}");
        Assert.Equal("Contacted", reopened.GetProperty("stage").GetString());
        Assert.Equal("0190f5e2-0000-7000-8000-000000000002", reopened.GetProperty("ownerId").GetString());
    }

    private async Task<string> FanAsync(string postalCode, string interest, bool consent)
    {
        var id = await host.AddCustomerAsync("Fan", postalCode);
        var sales = host.As("Salesperson");
        (await sales.PostAsJsonAsync($"/customers/{id}/interests", new { segment = interest })).EnsureSuccessStatusCode();
        if (consent)
        {
            (await sales.PostAsJsonAsync($"/customers/{id}/consent", new { source = "website" })).EnsureSuccessStatusCode();
        }

        return id;
    }

    private async Task<string> ScheduleAsync(string leadId, DateTimeOffset dueAt)
    {
        var followUp = await host.ReadAsync<JsonElement>(await host.As("Salesperson").PostAsJsonAsync($"/leads/{leadId}/follow-ups", new { dueAt, purpose = "Call back" }));
        return followUp.GetProperty("id").GetString()!;
    }

    private static IEnumerable<string?> Ids(JsonElement agenda, string list) =>
        agenda.GetProperty(list).EnumerateArray().Select(f => f.GetProperty("id").GetString());
}
