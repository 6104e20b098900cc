using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>The web host in memory, with one client per development key.</summary>
public sealed class WebHostFixture : WebApplicationFactory<Program>
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
}
