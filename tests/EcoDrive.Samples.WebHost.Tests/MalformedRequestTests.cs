using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// 10,000 malformed requests — bad JSON, wrong types, huge strings, unknown enum values, negative quantities, bad ids —
/// against the endpoints that write: none is a 5xx, every answer is a ProblemDetails, none is accepted.
/// </summary>
public sealed class MalformedRequestTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static readonly string[] s_writePaths =
    [
        "/customers", "/leads", "/products", "/orders", "/orders/{id}/cancellation", "/invoices/{id}/payments",
        "/products/{id}/stock/receipts", "/customers/{id}/interests", "/customers/{id}/consent", "/leads/{id}/lose",
    ];

    [Fact]
    public async Task MalformedRequests_NeverFailTheServerAndAreAllRefusedAsProblems()
    {
        var random = new Random(20261128);
        var client = host.As("Administrator");
        var failures = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var path = s_writePaths[random.Next(s_writePaths.Length)].Replace("{id}", RandomId(random), StringComparison.Ordinal);
            var body = MalformedBody(random);
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(20) == 0 ? "text/plain" : "application/json");
            using var response = await client.PostAsync(path, content);

            var status = (int)response.StatusCode;
            if (status >= 500 || status < 400 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{status} {path} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n{string.Join("\n", failures.Take(10))}");
    }

    private static string RandomId(Random random) => random.Next(4) switch
    {
        0 => "not-a-guid",
        1 => Guid.Empty.ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    private static string MalformedBody(Random random) => random.Next(12) switch
    {
        0 => "{",
        1 => "[1,2,3]",
        2 => "null",
        3 => string.Empty,
        4 => """{"kind":"Alien","firstName":"A","lastName":"B"}""",
        5 => JsonSerializer.Serialize(new { quantity = -random.Next(1, 1000), reason = "", segment = "SUV!" }),
        6 => JsonSerializer.Serialize(new { firstName = new string('x', random.Next(10_000, 200_000)), lastName = 3, source = "Pigeon" }),
        7 => """{"amount":{"amount":"1,5","currency":"EUR"},"customerId":"x"}""",
        8 => """{"amount":{"amount":"-10.00","currency":"EUR"}}""",
        9 => """{"name":"","segment":"suv","listPrice":{"amount":"1.00","currency":"EUX"},"vatRatePercent":250}""",
        10 => """{"customerId":"00000000-0000-0000-0000-000000000000","lines":[{"productId":"00000000-0000-0000-0000-000000000000","quantity":0}]}""",
        _ => """{"kind":"Individual","firstName":"A","lastName":"B","email":"not-an-email","phone":"12"}""",
    };
}
