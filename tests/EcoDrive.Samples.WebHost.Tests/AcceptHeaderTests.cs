using System.Net;
using System.Text.Json;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>Errors are problem details with a body whatever the request's <c>Accept</c> header says.</summary>
public sealed class AcceptHeaderTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    /// <summary>Accept values a browser, an EventSource, a tool or a fuzzer sends; null sends none.</summary>
    public static readonly string?[] AcceptValues =
    [
        null, "*/*", "application/json", "application/problem+json", "text/html", "text/event-stream",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml", "text/plain", "image/png",
        "application/json;q=0", "garbage", ";;;", "*/html", "text/*",
    ];

    public static TheoryData<string?, string, string, int> Errors()
    {
        var unknown = Guid.CreateVersion7();
        var data = new TheoryData<string?, string, string, int>();
        foreach (var accept in AcceptValues)
        {
            data.Add(accept, "Administrator", $"GET /orders/{unknown}", 404);
            data.Add(accept, "Administrator", $"GET /orders/{unknown}/events", 404);
            data.Add(accept, "Administrator", $"GET /invoices/{unknown}", 404);
            data.Add(accept, "Administrator", "GET /no-such-route", 404);
            data.Add(accept, "Administrator", "DELETE /products", 405);
            data.Add(accept, "Administrator", "POST /products {", 400);
            data.Add(accept, "Administrator", "POST /products text/plain:x", 415);
            data.Add(accept, "Warehouse", $"GET /customers/{unknown}", 403);
            data.Add(accept, "Anonymous", $"GET /orders/{unknown}", 401);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Error_WhateverTheAcceptHeader_IsAProblemWithABody(string? accept, string role, string call, int status)
    {
        var client = role == "Anonymous" ? host.CreateClient() : host.As(role);
        using var request = Calls.Request(call);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);

        await Calls.AssertProblemAsync(response, status);
    }
}

/// <summary>Requests written as <c>METHOD /path [body]</c>, and what every problem answer must look like.</summary>
internal static class Calls
{
    /// <summary>
    /// <c>GET /x</c>, <c>POST /x {json}</c>, or <c>POST /x media/type:body</c> for a body of another media type.
    /// </summary>
    public static HttpRequestMessage Request(string call)
    {
        var parts = call.Split(' ', 3);
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        if (parts.Length == 3)
        {
            var body = parts[2];
            var mediaType = "application/json";
            if (!body.StartsWith('{') && !body.StartsWith('[') && body.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                mediaType = body[..colon];
                body = body[(colon + 1)..];
            }

            request.Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        }

        return request;
    }

    /// <summary>Asserts a <paramref name="status"/> answer as <c>application/problem+json</c> whose body says the same status; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
