using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// 10,000 malformed requests — bad JSON, wrong types, huge strings, unknown enum values, negative quantities, bad ids,
/// segments naming two criteria or nested too deep, conflicting discounts, impossible dates, null array elements, numeric
/// amounts, lower-case currencies, integer enums, under any Accept header — against every endpoint that
/// writes and takes a body or an id: none is a 5xx, every answer is a ProblemDetails, none is accepted, and nothing
/// that the API lists was written.
/// </summary>
public sealed class MalformedRequestTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static readonly (string Method, string Path)[] s_writes =
    [
        ("POST", "/customers"), ("POST", "/customers/{id}/interests"), ("POST", "/customers/{id}/consent"),
        ("POST", "/leads"), ("POST", "/leads/{id}/lose"), ("POST", "/leads/{id}/reopen"), ("PUT", "/leads/{id}/owner"),
        ("POST", "/leads/{id}/consent"), ("POST", "/leads/{id}/consent/withdrawal"),
        ("POST", "/customers/{id}/interactions"), ("POST", "/leads/{id}/interactions"),
        ("POST", "/customers/{id}/follow-ups"), ("POST", "/leads/{id}/follow-ups"),
        ("POST", "/follow-ups/{id}/completion"), ("POST", "/follow-ups/{id}/reschedule"), ("POST", "/follow-ups/{id}/cancellation"),
        ("POST", "/customers/{id}/offers"), ("POST", "/leads/{id}/offers"),
        ("POST", "/offers/{id}/send"), ("POST", "/offers/{id}/decline"), ("POST", "/offers/{id}/order"),
        ("POST", "/campaigns"), ("POST", "/campaigns/{id}/launch"),
        ("POST", "/products"), ("PUT", "/products/{id}/list-price"), ("PUT", "/products/{id}/reorder-point"),
        ("POST", "/products/{id}/stock/receipts"), ("POST", "/products/{id}/stock/adjustments"),
        ("POST", "/purchase-orders"), ("POST", "/purchase-orders/proposal"), ("POST", "/purchase-orders/{id}/lines"),
        ("POST", "/purchase-orders/{id}/place"), ("POST", "/purchase-orders/{id}/receipts"),
        ("POST", "/orders"), ("POST", "/orders/{id}/cancellation"), ("POST", "/orders/{id}/invoice"),
        ("POST", "/invoices/{id}/payments"), ("POST", "/invoices/{id}/credit-notes"),
    ];

    [Fact]
    public async Task MalformedRequests_NeverFailTheServerAndAreAllRefusedAsProblems()
    {
        var random = new Random(20261128);
        var client = host.As("Administrator");
        var failures = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var (method, template) = s_writes[random.Next(s_writes.Length)];
            var path = template.Replace("{id}", RandomId(random), StringComparison.Ordinal);
            var body = MalformedBody(random);
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(20) == 0 ? "text/plain" : "application/json");
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
            if (AcceptHeaderTests.AcceptValues[random.Next(AcceptHeaderTests.AcceptValues.Length)] is { } accept)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            using var response = await client.SendAsync(request);

            var status = (int)response.StatusCode;
            if (status >= 500 || status < 400 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{status} {method} {path} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n{string.Join("\n", failures.Take(10))}");
        foreach (var list in new[] { "/products", "/purchase-orders", "/invoices", "/salespeople/0190f5e2-0000-7000-8000-000000000006/orders" })
        {
            Assert.Equal("[]", await client.GetStringAsync(list));
        }
    }

    private static string RandomId(Random random) => random.Next(4) switch
    {
        0 => "not-a-guid",
        1 => Guid.Empty.ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    private static string MalformedBody(Random random) => random.Next(32) switch
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
        11 => """{"kind":"Individual","firstName":"A","lastName":"B","email":"not-an-email","phone":"12"}""",
        12 => """{"name":"C","segment":{"interestedIn":"suv","kind":"Lead"},"channel":"Sms","message":{"body":"Hi {firstName}"}}""",
        13 => $$$"""{"name":"C","segment":{{{string.Concat(Enumerable.Repeat("""{"and":[""", 100))}}}{"interestedIn":"suv"}{{{string.Concat(Enumerable.Repeat("]}", 100))}}},"channel":"Sms","message":{"body":"Hi"}}""",
        14 => """{"name":"C","segment":{"kind":1},"channel":"Sms","message":{"body":"Hi"}}""",
        15 => """{"name":"C","segment":{"and":[{"or":[null]}]},"channel":"Email","message":{"body":"Hi {surname}"}}""",
        16 => $$$"""{"items":[{"productId":"{{{Guid.NewGuid()}}}","quantity":1,"discountPercent":8,"discountPerUnit":{"amount":"1.00","currency":"EUR"}}],"validUntil":"2000-01-01T00:00:00Z"}""",
        17 => """{"items":[],"validUntil":"not-a-date"}""",
        18 => """{"dueAt":"2026-13-45T99:00:00Z","purpose":""}""",
        19 => """{"kind":"Telepathy","note":null}""",
        20 => """{"change":0,"reason":" "}""",
        21 => """{"reason":"r","lines":[{"invoiceLine":-1,"quantity":0}]}""",
        22 => """{"listPrice":{"amount":"NaN","currency":"EUR"}}""",
        23 => """{"reorderPoint":-5}""",
        24 => """{"salespersonId":"00000000-0000-0000-0000-000000000000"}""",
        25 => """{"paymentDays":-30,"customerVatNumber":"FR00"}""",
        26 => """{"supplier":"   "}""",
        27 => """{"items":[null],"lines":[null],"interests":[null],"validUntil":"2030-01-01T00:00:00Z","reason":"r"}""",
        28 => """{"name":"V","segment":"suv","listPrice":{"amount":42000,"currency":"EUR"},"amount":{"amount":1.5,"currency":"EUR"},"vatRatePercent":20}""",
        29 => """{"name":"V","segment":"suv","listPrice":{"amount":"1.00","currency":"eur"},"amount":{"amount":"1.00","currency":"eur"},"vatRatePercent":20}""",
        30 => """{"kind":1,"source":"2","channel":0,"firstName":"A","lastName":"B"}""",
        _ => $$"""{"productId":"{{Guid.NewGuid()}}","quantity":-3}""",
    };
}
