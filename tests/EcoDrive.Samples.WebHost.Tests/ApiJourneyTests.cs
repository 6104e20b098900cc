using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

public sealed class ApiJourneyTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Order_SubmittedOverHttp_TravelsToPaidAndStreamsItsStatuses()
    {
        var productId = await host.AddProductAsync(inStock: 2);
        var sales = host.As("Salesperson");
        var customerId = await host.AddCustomerAsync();

        var order = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/orders", new
        {
            customerId, lines = new[] { new { productId, quantity = 1 } },
        }));
        var orderId = order.GetProperty("id").GetString();
        using var stream = await host.As("Salesperson").GetStreamAsync($"/orders/{orderId}/events");
        using var events = new StreamReader(stream);
        await host.WaitForStatusAsync(orderId!, "Confirmed");
        var warehouse = host.As("Warehouse");
        (await warehouse.PostAsync($"/orders/{orderId}/preparation", null)).EnsureSuccessStatusCode();
        (await warehouse.PostAsync($"/orders/{orderId}/shipment", null)).EnsureSuccessStatusCode();
        var accounting = host.As("Accountant");
        var invoice = await host.ReadAsync<JsonElement>(await accounting.PostAsync($"/orders/{orderId}/invoice", null));
        var payment = await accounting.PostAsJsonAsync($"/invoices/{invoice.GetProperty("id").GetString()}/payments", new { amount = invoice.GetProperty("total") });
        payment.EnsureSuccessStatusCode();

        Assert.Matches(@"^FA-\d{4}-\d{6}$", invoice.GetProperty("number").GetString());
        var statuses = new List<string>();
        while (statuses.LastOrDefault() != "Paid" && await events.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                statuses.Add(JsonDocument.Parse(line[6..]).RootElement.GetProperty("status").GetString()!);
            }
        }

        Assert.Equal(["Submitted", "Confirmed", "InPreparation", "Shipped", "Invoiced", "Paid"], statuses);
    }

    [Fact]
    public async Task Health_ReportsHealthy()
    {
        var response = await host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        var document = await host.ReadAsync<JsonElement>(await host.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Contains("/orders/{id}/events", paths);
        Assert.Contains("/kpi/dashboard", paths);
        Assert.Contains("/access/explain", paths);
    }

    [Fact]
    public async Task AccessExplain_ForTheBriefsScenario_NamesTheMissingPermission()
    {
        var sales = host.As("Salesperson");
        var customer = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/customers", new
        {
            kind = "Individual", firstName = "Jules", lastName = "Bernard", email = $"jules.{Guid.NewGuid():N}@example.fr",
        }));

        var explanation = await host.ReadAsync<JsonElement>(await host.As("Administrator").GetAsync(
            $"/access/explain?user=0190f5e2-0000-7000-8000-000000000003&customer={customer.GetProperty("id").GetString()}"));

        Assert.False(explanation.GetProperty("canSeeContactDetails").GetBoolean());
        Assert.Contains("customers.read-contact", explanation.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
