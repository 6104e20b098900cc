using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>The web host in memory, with one client per development key.</summary>
public class WebHostFixture : WebApplicationFactory<Program>
{
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["Salesperson"] = "dev-sales-sophie",
        ["SalesDirector"] = "dev-director-helene",
        ["Marketing"] = "dev-marketing-mia",
        ["Accountant"] = "dev-accounting-claire",
        ["Warehouse"] = "dev-warehouse-marc",
        ["Administrator"] = "dev-admin-alex",
    };

    /// <summary>Storage for this fixture: memory, so that every fixture starts empty.</summary>
    protected virtual string StorageProvider => "InMemory";

    public HttpClient As(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys[role]);
        return client;
    }

    public async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>Adds a product (by default the Volt X5 SUV at 42,000.00 EUR, VAT 20 %) with <paramref name="inStock"/> units received; returns its id.</summary>
    public async Task<string> AddProductAsync(int inStock, int reorderPoint = 0, string segment = "suv", string name = "Volt X5 SUV", string listPrice = "42000.00")
    {
        var admin = As("Administrator");
        var product = await ReadAsync<JsonElement>(await admin.PostAsJsonAsync("/products", new
        {
            name, segment, listPrice = new { amount = listPrice, currency = "EUR" }, vatRatePercent = 20, reorderPoint,
        }));
        var id = product.GetProperty("id").GetString()!;
        if (inStock > 0)
        {
            (await admin.PostAsJsonAsync($"/products/{id}/stock/receipts", new { quantity = inStock })).EnsureSuccessStatusCode();
        }

        return id;
    }

    /// <summary>Creates a person with a unique e-mail and a billing address at <paramref name="postalCode"/>, as the salesperson; returns the id.</summary>
    public async Task<string> AddCustomerAsync(string firstName = "Camille", string postalCode = "69003")
    {
        var customer = await ReadAsync<JsonElement>(await As("Salesperson").PostAsJsonAsync("/customers", new
        {
            kind = "Individual", firstName, lastName = "Martin", email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.fr",
            billingAddress = new { line1 = "12 rue des Lilas", postalCode, city = "Lyon" },
        }));
        return customer.GetProperty("id").GetString()!;
    }

    /// <summary>Waits (up to five seconds) until the CRM shows the order in <paramref name="status"/>.</summary>
    public async Task WaitForStatusAsync(string orderId, string status)
    {
        var client = As("Salesperson");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var order = await client.GetFromJsonAsync<JsonElement>($"/orders/{orderId}");
            if (order.GetProperty("status").GetString() == status)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"order {orderId} never became {status}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("EcoDrive:Storage:Provider", StorageProvider);
    }
}
