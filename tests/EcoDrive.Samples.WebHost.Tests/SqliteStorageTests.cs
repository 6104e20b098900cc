using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>The host on its default storage, a SQLite file: what one instance writes, the next one reads.</summary>
public sealed class SqliteStorageTests
{
    [Fact]
    public async Task Host_OnSqlite_KeepsItsDataAcrossRestarts()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("ecodrive-web-").FullName, "webhost.db");
        string productId;
        await using (var first = OnSqlite(database))
        {
            var admin = first.CreateClient();
            admin.DefaultRequestHeaders.Add("X-Api-Key", "dev-admin-alex");
            var created = await admin.PostAsJsonAsync("/products", new
            {
                name = "Volt X5 SUV", segment = "suv", listPrice = new { amount = "42000.00", currency = "EUR" }, vatRatePercent = 20,
            });
            created.EnsureSuccessStatusCode();
            productId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        await using var second = OnSqlite(database);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-admin-alex");
        var product = await client.GetFromJsonAsync<JsonElement>($"/products/{productId}");

        Assert.Equal("Volt X5 SUV", product.GetProperty("name").GetString());
        Assert.True(File.Exists(database));
    }

    private static WebApplicationFactory<Program> OnSqlite(string database) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("EcoDrive:Storage:Provider", "Sqlite")
            .UseSetting("EcoDrive:Storage:DatabasePath", database));
}
