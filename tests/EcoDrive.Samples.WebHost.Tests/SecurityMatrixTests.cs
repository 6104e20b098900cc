using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDrive.Core.Access;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>Role × endpoint: every anonymous call is 401, every call a role may not make is 403 naming the permission.</summary>
public sealed class SecurityMatrixTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static readonly string Id = Guid.CreateVersion7().ToString();

    /// <summary>Each protected endpoint with the permission it needs and a request that passes validation.</summary>
    private static readonly (string Method, string Path, object? Body, Permission[] Permissions)[] s_endpoints =
    [
        ("POST", "/customers", new { kind = "Individual", firstName = "A", lastName = "B" }, [Permissions.CustomersWrite]),
        ("GET", $"/customers/{Id}", null, [Permissions.CustomersRead]),
        ("POST", $"/customers/{Id}/interests", new { segment = "suv" }, [Permissions.CustomersWrite]),
        ("POST", $"/customers/{Id}/consent", new { source = "web" }, [Permissions.CustomersWrite]),
        ("GET", $"/customers/{Id}/personal-data", null, [Permissions.CustomersReadContact]),
        ("DELETE", $"/customers/{Id}/personal-data", null, [Permissions.CustomersWrite]),
        ("POST", "/leads", new { firstName = "A", lastName = "B", source = "Phone" }, [Permissions.LeadsManage]),
        ("GET", $"/leads/{Id}", null, [Permissions.LeadsManage]),
        ("POST", $"/leads/{Id}/contact", null, [Permissions.LeadsManage]),
        ("POST", $"/leads/{Id}/qualify", null, [Permissions.LeadsManage]),
        ("POST", $"/leads/{Id}/offer-sent", null, [Permissions.LeadsManage]),
        ("POST", $"/leads/{Id}/lose", new { reason = "price" }, [Permissions.LeadsManage]),
        ("POST", $"/leads/{Id}/win", null, [Permissions.LeadsManage, Permissions.CustomersWrite]),
        ("POST", "/products", new { name = "Volt", segment = "suv", listPrice = new { amount = "1.00", currency = "EUR" }, vatRatePercent = 20 }, [Permissions.StockManage]),
        ("GET", $"/products/{Id}/stock", null, [Permissions.StockManage]),
        ("POST", $"/products/{Id}/stock/receipts", new { quantity = 1 }, [Permissions.StockManage]),
        ("GET", $"/orders/{Id}", null, [Permissions.OrdersRead]),
        ("GET", $"/orders/{Id}/erp", null, [Permissions.OrdersRead]),
        ("POST", $"/orders/{Id}/preparation", null, [Permissions.OrdersFulfil]),
        ("POST", $"/orders/{Id}/shipment", null, [Permissions.OrdersFulfil]),
        ("POST", $"/orders/{Id}/cancellation", new { reason = "no longer wanted" }, [Permissions.OrdersCancel]),
        ("POST", $"/orders/{Id}/invoice", null, [Permissions.InvoicesIssue]),
        ("POST", $"/invoices/{Id}/payments", new { amount = new { amount = "1.00", currency = "EUR" } }, [Permissions.PaymentsRecord]),
        ("GET", "/kpi/dashboard", null, [Permissions.KpiView]),
    ];

    public static TheoryData<string, int> Matrix()
    {
        var data = new TheoryData<string, int>();
        foreach (var role in WebHostFixture.Keys.Keys)
        {
            for (var i = 0; i < s_endpoints.Length; i++)
            {
                data.Add(role, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_ForEachRole_IsForbiddenExactlyWhenTheRoleLacksThePermission(string role, int endpoint)
    {
        var (method, path, body, permissions) = s_endpoints[endpoint];
        var held = RoleBasedAccessPolicy.DefaultGrants[Enum.Parse<Role>(role)];
        var missing = permissions.Where(p => !held.Contains(p)).ToArray();
        var granted = missing.Length == 0;

        var response = await host.As(role).SendAsync(Request(method, path, body));

        if (granted)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("access.permission-denied", problem.GetProperty("code").GetString());
            Assert.Contains(missing[0].Name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryProtectedEndpoint_WithoutCredentials_Is401Problem()
    {
        foreach (var (method, path, body, _) in s_endpoints.Append(("GET", "/access/explain?user=" + Id + "&customer=" + Id, null, [])))
        {
            var response = await host.CreateClient().SendAsync(Request(method, path, body));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task UnknownApiKey_Is401()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/orders/{Id}")).StatusCode);
    }

    [Fact]
    public async Task AccessExplain_ForSomeoneElse_IsForbiddenUnlessAdministrator()
    {
        var response = await host.As("Salesperson").GetAsync($"/access/explain?user=0190f5e2-0000-7000-8000-000000000003&customer={Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, object? body) =>
        new(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
}
