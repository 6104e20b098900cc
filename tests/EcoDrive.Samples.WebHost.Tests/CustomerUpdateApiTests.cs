using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>A customer's record changed over HTTP, and each refusal a problem with its code.</summary>
public sealed class CustomerUpdateApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task PutContact_NewDetails_AreReadBack_AndAnotherCustomersEmailIs409()
    {
        var sales = host.As("Salesperson");
        var camille = await host.AddCustomerAsync();
        var nina = await host.AddCustomerAsync(firstName: "Nina");
        var ninas = await host.ReadAsync<JsonElement>(await sales.GetAsync($"/customers/{nina}"));

        var updated = await sales.PutAsJsonAsync($"/customers/{camille}/contact", new { email = $"camille.{Guid.NewGuid():N}@martin.fr", phone = "06 98 76 54 32" });
        var duplicate = await sales.PutAsJsonAsync($"/customers/{camille}/contact", new { email = ninas.GetProperty("email").GetString() });

        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        var customer = await host.ReadAsync<JsonElement>(await sales.GetAsync($"/customers/{camille}"));
        Assert.StartsWith("camille.", customer.GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("customer.duplicate", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task RegistrationOwnerInterestsAndConsent_ChangeTheRecord_AndRefusalsAreProblems()
    {
        var sales = host.As("Salesperson");
        var camille = await host.AddCustomerAsync();

        var person = await sales.PutAsJsonAsync($"/customers/{camille}/registration", new { siren = "732829320" });
        var unknownOwner = await sales.PutAsJsonAsync($"/customers/{camille}/owner", new { ownerId = Guid.NewGuid() });
        (await sales.PostAsJsonAsync($"/customers/{camille}/interests", new { segment = "suv" })).EnsureSuccessStatusCode();
        var removed = await sales.DeleteAsync($"/customers/{camille}/interests/suv");
        (await sales.PostAsJsonAsync($"/customers/{camille}/consent", new { source = "showroom" })).EnsureSuccessStatusCode();
        var withdrawn = await sales.PostAsJsonAsync($"/customers/{camille}/consent/withdrawal", new { source = "unsubscribe link" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, person.StatusCode);
        Assert.Equal("customer.not-a-company", (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("user.unknown", (await unknownOwner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        var customer = await host.ReadAsync<JsonElement>(await sales.GetAsync($"/customers/{camille}"));
        Assert.Equal(0, customer.GetProperty("interests").GetArrayLength());
        Assert.False(customer.GetProperty("consentHistory").EnumerateArray().Last().GetProperty("granted").GetBoolean());
    }
}

/// <summary>An open lead's details and interests changed over HTTP.</summary>
public sealed class LeadUpdateApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task PutDetailsAndInterests_ChangeTheLead()
    {
        var sales = host.As("Salesperson");
        var lead = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/leads", new { firstName = "Nina", lastName = "Roux", source = "Phone" }));
        var id = lead.GetProperty("id").GetString();

        var details = await sales.PutAsJsonAsync($"/leads/{id}/details", new { firstName = "Nina", lastName = "Roux-Marchand", email = $"nina.{Guid.NewGuid():N}@example.fr" });
        (await sales.PostAsJsonAsync($"/leads/{id}/interests", new { segment = "utility" })).EnsureSuccessStatusCode();
        var removed = await sales.DeleteAsync($"/leads/{id}/interests/utility");

        Assert.Equal(HttpStatusCode.NoContent, details.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var read = await host.ReadAsync<JsonElement>(await sales.GetAsync($"/leads/{id}"));
        Assert.Equal("Roux-Marchand", read.GetProperty("lastName").GetString());
        Assert.Equal(0, read.GetProperty("interests").GetArrayLength());
    }
}
