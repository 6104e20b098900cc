using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// Where the host's keys come from and how far they reach: the development keys in Development only, a broken user
/// list refused at start without printing a key, keys in the query string only on the event stream, and rate limits on
/// wrong keys and per user.
/// </summary>
public sealed class KeyProvisioningTests
{
    [Fact]
    public async Task Production_StartsWithoutUsers_SaysSo_AndRefusesTheDevelopmentKeys()
    {
        var log = new ConcurrentQueue<(LogLevel Level, string Message)>();
        await using var host = Host("Production", logging: log);
        var client = host.CreateClient();

        var health = await client.GetAsync("/health");
        client.DefaultRequestHeaders.Add("X-Api-Key", WebHostFixture.Keys["Administrator"]);
        var products = await client.GetAsync("/products");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, products.StatusCode);
        Assert.Contains(log, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("No users are configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_WithConfiguredUsers_AuthenticatesThem()
    {
        await using var host = Host("Production", settings: User(0, "0190f5e2-0000-7000-8000-0000000000a1", "Administrator", "a-long-production-key-1"));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "a-long-production-key-1");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/products")).StatusCode);
    }

    [Fact]
    public async Task Development_HasTheDevelopmentKeys()
    {
        await using var host = Host("Development");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", WebHostFixture.Keys["Administrator"]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/products")).StatusCode);
    }

    [Theory]
    [InlineData("shared-secret-key-4711", "shared-secret-key-4711")]
    [InlineData("", "second-secret-key-4711")]
    public async Task ABrokenUserList_StopsTheHostAtStart_NamingTheUsersButNoKey(string firstKey, string secondKey)
    {
        var settings = User(0, "0190f5e2-0000-7000-8000-0000000000b1", "Salesperson", firstKey)
            .Concat(User(1, "0190f5e2-0000-7000-8000-0000000000b2", "Accountant", secondKey))
            .ToArray();
        await using var host = Host("Production", settings: settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("EcoDrive:Users", error.Message, StringComparison.Ordinal);
        Assert.Contains(firstKey.Length == 0 ? "0190f5e2-0000-7000-8000-0000000000b1" : "0190f5e2-0000-7000-8000-0000000000b2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueryStringKey_IsAcceptedOnTheEventStreamOnly()
    {
        await using var host = Host("Development");
        var client = host.CreateClient();
        var key = WebHostFixture.Keys["Salesperson"];

        var list = await client.GetAsync($"/products?api_key={key}");
        var order = await client.GetAsync($"/orders/{Guid.NewGuid()}?api_key={key}");
        var events = await client.GetAsync($"/orders/{Guid.NewGuid()}/events?api_key={key}");
        var eventsWithoutKey = await client.GetAsync($"/orders/{Guid.NewGuid()}/events");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, order.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode); // authenticated: the order is unknown
        Assert.Equal(HttpStatusCode.Unauthorized, eventsWithoutKey.StatusCode);
    }

    [Fact]
    public async Task WrongKeys_LockTheAddressOut_RightKeyIncluded_UntilTheWindowEnds()
    {
        await using var host = Host("Development", settings: [new("EcoDrive:RateLimits:FailedAuthenticationsPerMinute", "3")]);
        var guesser = host.CreateClient();
        guesser.DefaultRequestHeaders.Add("X-Api-Key", "guess");
        var owner = host.CreateClient();
        owner.DefaultRequestHeaders.Add("X-Api-Key", WebHostFixture.Keys["Salesperson"]);

        var before = await owner.GetAsync("/products");
        var guesses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            guesses.Add((await guesser.GetAsync("/products")).StatusCode);
        }

        var locked = await owner.GetAsync("/products");
        var anonymous = await host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], guesses);
        await AssertTooManyRequestsAsync(locked);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task OneUser_OverTheirLimit_IsRefused_OthersAreNot()
    {
        await using var host = Host("Development", settings: [new("EcoDrive:RateLimits:RequestsPerUserPerSecond", "5")]);
        var busy = host.CreateClient();
        busy.DefaultRequestHeaders.Add("X-Api-Key", WebHostFixture.Keys["Salesperson"]);
        var other = host.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", WebHostFixture.Keys["Administrator"]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => busy.GetAsync("/products")));
        var others = await other.GetAsync("/products");

        Assert.Contains(answers, answer => answer.StatusCode == HttpStatusCode.OK);
        await AssertTooManyRequestsAsync(answers.First(answer => answer.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request.rate-limited", problem.GetProperty("code").GetString());
    }

    private static KeyValuePair<string, string>[] User(int index, string id, string role, string key) =>
    [
        new($"EcoDrive:Users:{index}:Id", id),
        new($"EcoDrive:Users:{index}:Name", $"{role} {index}"),
        new($"EcoDrive:Users:{index}:Role", role),
        new($"EcoDrive:Users:{index}:ApiKey", key),
    ];

    private static WebApplicationFactory<Program> Host(
        string environment, KeyValuePair<string, string>[]? settings = null, ConcurrentQueue<(LogLevel, string)>? logging = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("EcoDrive:Storage:Provider", "InMemory");
            foreach (var (key, value) in settings ?? [])
            {
                builder.UseSetting(key, value);
            }

            if (logging is not null)
            {
                builder.ConfigureLogging(log => log.AddProvider(new Recorder(logging)));
            }
        });

    private sealed class Recorder(ConcurrentQueue<(LogLevel, string)> entries) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
