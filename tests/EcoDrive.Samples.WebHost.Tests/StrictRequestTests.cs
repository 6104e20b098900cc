using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// Requests are held to the served OpenAPI document: no null in an array or where a member is not nullable, money
/// amounts as strings, currencies as upper-case ISO codes, enums by name only (in bodies and in query strings). Each
/// refusal is a 400 problem naming the field.
/// </summary>
public sealed class StrictRequestTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static readonly string Id = Guid.CreateVersion7().ToString();

    public static TheoryData<string, string> Refused() => new()
    {
        // A null element in an array.
        { $$"""POST /customers/{{Id}}/offers {"items":[null],"validUntil":"2030-01-01T00:00:00Z"}""", "$.items[0]" },
        { $$"""POST /leads/{{Id}}/offers {"items":[{"productId":"{{Id}}","quantity":1},null],"validUntil":"2030-01-01T00:00:00Z"}""", "$.items[1]" },
        { $$"""POST /invoices/{{Id}}/credit-notes {"reason":"return","lines":[null]}""", "$.lines[0]" },
        { $$"""POST /orders {"customerId":"{{Id}}","lines":[null]}""", "$.lines[0]" },
        { """POST /leads {"firstName":"A","lastName":"B","source":"Phone","interests":[null]}""", "$.interests[0]" },
        { """POST /campaigns {"name":"C","segment":{"and":[{"or":[null]}]},"channel":"Sms","message":{"body":"Hi"}}""", "$.segment.and[0].or[0]" },

        // A null where the member is not nullable.
        { """POST /products {"name":null,"segment":"suv","listPrice":{"amount":"1.00","currency":"EUR"},"vatRatePercent":20}""", "$.name" },
        { $$"""POST /orders {"customerId":"{{Id}}","lines":null}""", "$.lines" },
        { $$"""POST /invoices/{{Id}}/payments {"amount":null}""", "$.amount" },

        // Money: the amount a string, the currency three upper-case letters, nothing else.
        { """POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":42000,"currency":"EUR"},"vatRatePercent":20}""", "$.listPrice" },
        { """POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":"42000.00","currency":"eur"},"vatRatePercent":20}""", "$.listPrice" },
        { """POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":"42000.00","currency":" EUR"},"vatRatePercent":20}""", "$.listPrice" },
        { """POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":"4.2e4","currency":"EUR"},"vatRatePercent":20}""", "$.listPrice" },
        { """POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":"42000.00","currency":"EUR","rate":1},"vatRatePercent":20}""", "$.listPrice" },
        { $$$"""PUT /products/{{{Id}}}/list-price {"listPrice":{"amount":39900.5,"currency":"EUR"}}""", "$.listPrice" },
        { $$$"""POST /invoices/{{{Id}}}/payments {"amount":{"amount":100,"currency":"EUR"}}""", "$.amount" },
        { $$$"""POST /invoices/{{{Id}}}/payments {"amount":{"amount":"100.00","currency":"Eur"}}""", "$.amount" },
        { $$$"""POST /customers/{{{Id}}}/offers {"items":[{"productId":"{{{Id}}}","quantity":1,"discountPerUnit":{"amount":300,"currency":"EUR"}}],"validUntil":"2030-01-01T00:00:00Z"}""", "$.items[0].discountPerUnit" },

        // Enums by name only.
        { """POST /leads {"firstName":"A","lastName":"B","source":1}""", "$.source" },
        { """POST /leads {"firstName":"A","lastName":"B","source":"1"}""", "$.source" },
        { """POST /customers {"kind":0,"firstName":"A","lastName":"B"}""", "$.kind" },
        { $$"""POST /customers/{{Id}}/interactions {"kind":"Call, Email"}""", "$.kind" },
        { "GET /invoices?settlement=1", "settlement" },
        { "GET /invoices?settlement=-1", "settlement" },
        { "GET /invoices?settlement=Unpaid,Paid", "settlement" },
        { "GET /purchase-orders?status=0", "status" },
        { "GET /kpi/dashboard?from=2026-01-01&to=2026-01-31&bucket=2", "bucket" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Request_BreakingTheDocumentsSchema_IsA400NamingTheField(string call, string field)
    {
        using var request = Calls.Request(call);

        using var response = await host.As("Administrator").SendAsync(request);

        var problem = await Calls.AssertProblemAsync(response, 400);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        Assert.True(errors.Contains(field), $"errors name {string.Join(", ", errors)}, not {field}: {problem}");
    }

    [Theory]
    [InlineData("""POST /products {"name":"   ","segment":"suv","listPrice":{"amount":"42000.00","currency":"EUR"},"vatRatePercent":20}""", "input.required", "name")]
    [InlineData("""POST /products {"name":"Volt\u0007","segment":"suv","listPrice":{"amount":"42000.00","currency":"EUR"},"vatRatePercent":20}""", "input.invalid-character", "name")]
    [InlineData("""POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":"42000.00","currency":"EUR"},"vatRatePercent":120}""", "input.out-of-range", "percent")]
    [InlineData("""POST /campaigns {"name":"C","segment":{"and":[{"kind":"Customer"},{"interestedIn":"Not A Code"}]},"channel":"Sms","message":{"body":"Hi"}}""", "input.invalid-format", "segment.and[1]")]
    public async Task Request_WithAValueTheSdkRefuses_IsA400WithTheSdksCodeNamingTheField(string call, string code, string field)
    {
        using var request = Calls.Request(call);

        using var response = await host.As("Administrator").SendAsync(request);

        var problem = await Calls.AssertProblemAsync(response, 400);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("GET /invoices?settlement=Unpaid")]
    [InlineData("GET /purchase-orders?status=Ordered")]
    [InlineData("GET /kpi/dashboard?from=2026-01-01&to=2026-01-31&bucket=Month")]
    [InlineData("""POST /products {"name":"Volt","segment":"suv","listPrice":{"amount":"42000","currency":"EUR"},"vatRatePercent":20}""")]
    public async Task Request_AsTheDocumentSaysIt_IsNotRefusedAsMalformed(string call)
    {
        using var request = Calls.Request(call);

        using var response = await host.As("Administrator").SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.IsSuccessStatusCode || (int)response.StatusCode == 422 || !(body.Contains("request.invalid", StringComparison.Ordinal) || body.Contains("\"input.", StringComparison.Ordinal)),
            $"{(int)response.StatusCode}: {body}");
    }

    [Fact]
    public async Task Product_WithAStringAmountAndAnUpperCaseCurrency_IsAccepted()
    {
        var product = await host.ReadAsync<JsonElement>(await host.As("Administrator").SendAsync(Calls.Request(
            """POST /products {"name":"Volt S","segment":"suv","listPrice":{"amount":"41999.90","currency":"EUR"},"vatRatePercent":20}""")));

        Assert.Equal("41999.90", product.GetProperty("listPrice").GetProperty("amount").GetString());
    }
}

/// <summary>A body above 1 MiB is a 413 problem.</summary>
public sealed class RequestBodyLimitTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task Request_WithABodyAbove1MiB_IsA413Problem()
    {
        using var content = new StringContent($$"""{"reason":"{{new string('x', 1024 * 1024)}}"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await host.As("Administrator").PostAsync($"/orders/{Guid.CreateVersion7()}/cancellation", content);

        await Calls.AssertProblemAsync(response, 413);
    }
}
