using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDrive.Core.Access;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>Role × endpoint: every anonymous call is 401, every call a role may not make is 403 naming the permission.</summary>
public sealed class SecurityMatrixTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static readonly string Id = Guid.CreateVersion7().ToString();

    private static readonly object Money = new { amount = "1.00", currency = "EUR" };

    /// <summary>Each protected endpoint with the permissions it needs and a request that passes validation.</summary>
    private static readonly Call[] s_endpoints =
    [
        new("POST", "/customers", new { kind = "Individual", firstName = "A", lastName = "B" }, [Permissions.CustomersWrite]),
        new("GET", $"/customers/{Id}", null, [Permissions.CustomersRead]),
        new("POST", $"/customers/{Id}/interests", new { segment = "suv" }, [Permissions.CustomersWrite]),
        new("POST", $"/customers/{Id}/consent", new { source = "web" }, [Permissions.CustomersWrite]),
        new("POST", $"/customers/{Id}/consent/withdrawal", new { source = "web" }, [Permissions.CustomersWrite]),
        new("PUT", $"/customers/{Id}/contact", new { email = "a@example.fr" }, [Permissions.CustomersWrite]),
        new("PUT", $"/customers/{Id}/registration", new { siren = "732829320" }, [Permissions.CustomersWrite]),
        new("PUT", $"/customers/{Id}/owner", new { ownerId = Id }, [Permissions.CustomersWrite]),
        new("DELETE", $"/customers/{Id}/interests/suv", null, [Permissions.CustomersWrite], DocumentedAs: "/customers/{id}/interests/{segment}"),
        new("GET", $"/customers/{Id}/personal-data", null, [Permissions.CustomersReadContact]),
        new("DELETE", $"/customers/{Id}/personal-data", null, [Permissions.CustomersWrite]),
        new("GET", $"/customers/{Id}/orders", null, [Permissions.OrdersRead]),
        new("GET", $"/salespeople/{Id}/orders", null, [Permissions.OrdersRead]),
        new("POST", "/leads", new { firstName = "A", lastName = "B", source = "Phone" }, [Permissions.LeadsManage]),
        new("GET", $"/leads/{Id}", null, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/contact", null, [Permissions.LeadsManage]),
        new("PUT", $"/leads/{Id}/details", new { firstName = "A", lastName = "B" }, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/interests", new { segment = "suv" }, [Permissions.LeadsManage]),
        new("DELETE", $"/leads/{Id}/interests/suv", null, [Permissions.LeadsManage], DocumentedAs: "/leads/{id}/interests/{segment}"),
        new("POST", $"/leads/{Id}/qualify", null, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/offer-sent", null, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/lose", new { reason = "price" }, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/reopen", null, [Permissions.LeadsManage]),
        new("PUT", $"/leads/{Id}/owner", new { salespersonId = Id }, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/consent", new { source = "showroom" }, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/consent/withdrawal", new { source = "unsubscribe link" }, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/win", null, [Permissions.LeadsManage, Permissions.CustomersWrite]),
        new("POST", $"/customers/{Id}/interactions", new { kind = "Call" }, [Permissions.LeadsManage]),
        new("GET", $"/customers/{Id}/interactions", null, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/interactions", new { kind = "TestDrive", note = "n" }, [Permissions.LeadsManage]),
        new("GET", $"/leads/{Id}/interactions", null, [Permissions.LeadsManage]),
        new("POST", $"/customers/{Id}/follow-ups", new { dueAt = "2030-01-01T09:00:00Z", purpose = "call back" }, [Permissions.LeadsManage]),
        new("GET", $"/customers/{Id}/follow-ups", null, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/follow-ups", new { dueAt = "2030-01-01T09:00:00Z", purpose = "call back" }, [Permissions.LeadsManage]),
        new("GET", $"/leads/{Id}/follow-ups", null, [Permissions.LeadsManage]),
        new("GET", "/follow-ups/agenda", null, [Permissions.LeadsManage]),
        new("POST", $"/follow-ups/{Id}/completion", null, [Permissions.LeadsManage]),
        new("POST", $"/follow-ups/{Id}/reschedule", new { dueAt = "2030-01-02T09:00:00Z" }, [Permissions.LeadsManage]),
        new("POST", $"/follow-ups/{Id}/cancellation", new { reason = "no longer needed" }, [Permissions.LeadsManage]),
        new("POST", $"/customers/{Id}/offers", new { items = new[] { new { productId = Id, quantity = 1 } }, validUntil = "2030-01-01T00:00:00Z" }, [Permissions.LeadsManage]),
        new("POST", $"/leads/{Id}/offers", new { items = new[] { new { productId = Id, quantity = 1 } }, validUntil = "2030-01-01T00:00:00Z" }, [Permissions.LeadsManage]),
        new("GET", $"/offers/{Id}", null, [Permissions.LeadsManage]),
        new("POST", $"/offers/{Id}/send", null, [Permissions.LeadsManage]),
        new("POST", $"/offers/{Id}/accept", null, [Permissions.LeadsManage]),
        new("POST", $"/offers/{Id}/decline", new { reason = "too expensive" }, [Permissions.LeadsManage]),
        new("POST", $"/offers/{Id}/order", null, [Permissions.LeadsManage, Permissions.OrdersCreate]),
        new("POST", "/offers/expiry", null, [Permissions.LeadsManage]),
        new("POST", "/campaigns", new { name = "C", segment = new { interestedIn = "suv" }, channel = "Sms", message = new { body = "Hi {firstName}" } }, [Permissions.CampaignsManage]),
        new("GET", $"/campaigns/{Id}", null, [Permissions.CampaignsManage]),
        new("GET", $"/campaigns/{Id}/audience", null, [Permissions.CampaignsManage]),
        new("POST", $"/campaigns/{Id}/launch", null, [Permissions.CampaignsManage]),
        new("POST", $"/campaigns/{Id}/send", null, [Permissions.CampaignsManage]),
        new("POST", "/products", new { name = "Volt", segment = "suv", listPrice = Money, vatRatePercent = 20 }, [Permissions.StockManage]),
        new("GET", "/products", null, [Permissions.StockManage, Permissions.OrdersRead], EitherSuffices: true),
        new("GET", $"/products/{Id}", null, [Permissions.StockManage, Permissions.OrdersRead], EitherSuffices: true),
        new("PUT", $"/products/{Id}/list-price", new { listPrice = Money }, [Permissions.StockManage]),
        new("PUT", $"/products/{Id}/reorder-point", new { reorderPoint = 1 }, [Permissions.StockManage]),
        new("GET", $"/products/{Id}/stock", null, [Permissions.StockManage]),
        new("POST", $"/products/{Id}/stock/receipts", new { quantity = 1 }, [Permissions.StockManage]),
        new("POST", $"/products/{Id}/stock/adjustments", new { change = -1, reason = "damaged" }, [Permissions.StockManage]),
        new("GET", "/stock-levels?underReorderPoint=true", null, [Permissions.StockManage]),
        new("POST", "/purchase-orders", new { supplier = "Volt Motors" }, [Permissions.StockManage]),
        new("POST", "/purchase-orders/proposal", new { supplier = "Volt Motors" }, [Permissions.StockManage]),
        new("GET", "/purchase-orders?status=Ordered", null, [Permissions.StockManage]),
        new("GET", $"/purchase-orders/{Id}", null, [Permissions.StockManage]),
        new("POST", $"/purchase-orders/{Id}/lines", new { productId = Id, quantity = 1 }, [Permissions.StockManage]),
        new("POST", $"/purchase-orders/{Id}/place", null, [Permissions.StockManage]),
        new("POST", $"/purchase-orders/{Id}/receipts", new { productId = Id, quantity = 1 }, [Permissions.StockManage]),
        new("POST", "/orders", new { customerId = Id, lines = new[] { new { productId = Id, quantity = 1 } } }, [Permissions.OrdersCreate]),
        new("GET", $"/orders/{Id}", null, [Permissions.OrdersRead]),
        new("GET", $"/orders/{Id}/erp", null, [Permissions.OrdersRead]),
        new("GET", $"/orders/{Id}/events", null, [Permissions.OrdersRead]),
        new("POST", $"/orders/{Id}/preparation", null, [Permissions.OrdersFulfil]),
        new("POST", $"/orders/{Id}/shipment", null, [Permissions.OrdersFulfil]),
        new("POST", $"/orders/{Id}/cancellation", new { reason = "no longer wanted" }, [Permissions.OrdersCancel]),
        new("POST", $"/orders/{Id}/invoice", null, [Permissions.InvoicesIssue]),
        new("GET", "/invoices?settlement=Unpaid", null, [Permissions.InvoicesIssue, Permissions.PaymentsRecord], EitherSuffices: true),
        new("GET", "/invoices/overdue", null, [Permissions.InvoicesIssue, Permissions.PaymentsRecord], EitherSuffices: true),
        new("GET", $"/invoices/{Id}", null, [Permissions.InvoicesIssue, Permissions.PaymentsRecord], EitherSuffices: true),
        new("POST", $"/invoices/{Id}/payments", new { amount = Money }, [Permissions.PaymentsRecord]),
        new("POST", $"/invoices/{Id}/credit-notes", new { reason = "return" }, [Permissions.InvoicesIssue]),
        new("GET", $"/invoices/{Id}/credit-notes", null, [Permissions.InvoicesIssue, Permissions.PaymentsRecord], EitherSuffices: true),
        new("GET", "/kpi/dashboard", null, [Permissions.KpiView]),
        new("GET", "/outbox/parked", null, [Permissions.OutboxManage]),
        new("POST", $"/outbox/parked/{Id}/retry", null, [Permissions.OutboxManage]),
        new("DELETE", $"/outbox/parked/{Id}", null, [Permissions.OutboxManage]),
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
        var call = s_endpoints[endpoint];
        var missing = call.MissingFor(RoleBasedAccessPolicy.DefaultGrants[Enum.Parse<Role>(role)]);

        var response = await host.As(role).SendAsync(Request(call.Method, call.Path, call.Body));

        if (missing is null)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("access.permission-denied", problem.GetProperty("code").GetString());
            Assert.Contains(missing.Value.Name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryProtectedEndpoint_WithoutCredentials_Is401Problem()
    {
        foreach (var call in s_endpoints.Append(new Call("GET", "/access/explain?user=" + Id + "&customer=" + Id, null, [])))
        {
            var response = await host.CreateClient().SendAsync(Request(call.Method, call.Path, call.Body));

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

    [Fact]
    public async Task Customer_ReadWithTheMarketingKey_HasNoEmailPhoneOrAddress()
    {
        var customerId = await host.AddCustomerAsync();

        var seenByMarketing = await host.ReadAsync<JsonElement>(await host.As("Marketing").GetAsync($"/customers/{customerId}"));
        var seenBySales = await host.ReadAsync<JsonElement>(await host.As("Salesperson").GetAsync($"/customers/{customerId}"));

        Assert.True(seenByMarketing.GetProperty("contactRedacted").GetBoolean());
        foreach (var field in new[] { "email", "phone", "billingAddress" })
        {
            Assert.True(
                !seenByMarketing.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null,
                $"Marketing sees the customer's {field}: {seenByMarketing}");
        }

        Assert.Contains("@example.fr", seenBySales.GetProperty("email").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0190f5e2-0000-7000-8000-0000000000ff", "user.unknown")]
    [InlineData("0190f5e2-0000-7000-8000-000000000003", "user.cannot-hold-work")]
    public async Task LeadOwner_SetToAnUnknownOrMarketingUser_IsAProblemAndChangesNothing(string ownerId, string code)
    {
        var sales = host.As("Salesperson");
        var lead = await host.ReadAsync<JsonElement>(await sales.PostAsJsonAsync("/leads", new { firstName = "Inès", lastName = "Roux", source = "Website" }));
        var leadId = lead.GetProperty("id").GetString();

        var response = await host.As("SalesDirector").PutAsJsonAsync($"/leads/{leadId}/owner", new { salespersonId = ownerId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(lead.GetProperty("ownerId").GetString(), (await sales.GetFromJsonAsync<JsonElement>($"/leads/{leadId}")).GetProperty("ownerId").GetString());
    }

    [Fact]
    public async Task Matrix_CoversEveryProtectedOperationOfTheOpenApiDocument()
    {
        var document = JsonDocument.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Where(operation => operation is not "GET /access/explain");
        var covered = s_endpoints.Select(c => $"{c.Method} {c.Template}").ToHashSet(StringComparer.Ordinal);

        Assert.All(documented, operation => Assert.Contains(operation, covered));
    }

    private static HttpRequestMessage Request(string method, string path, object? body) =>
        new(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };

    /// <summary>
    /// One endpoint of the matrix: all of <paramref name="Needs"/> are required, or any one when <paramref name="EitherSuffices"/>;
    /// <paramref name="DocumentedAs"/> is its OpenAPI path when that has a parameter other than an id.
    /// </summary>
    private sealed record Call(string Method, string Path, object? Body, Permission[] Needs, bool EitherSuffices = false, string? DocumentedAs = null)
    {
        /// <summary>The path as the OpenAPI document writes it: ids as <c>{id}</c>, no query.</summary>
        public string Template => DocumentedAs ?? Path.Split('?')[0].Replace(Id, "{id}", StringComparison.Ordinal);

        /// <summary>The permission a 403 must name for a role holding <paramref name="held"/>; <see langword="null"/> when it may call.</summary>
        public Permission? MissingFor(IReadOnlyCollection<Permission> held) => EitherSuffices
            ? Needs.Any(held.Contains) ? null : Needs[^1]
            : Needs.Where(p => !held.Contains(p)).Cast<Permission?>().FirstOrDefault();
    }
}
