namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>Every answer, page, API result or error, carries the security headers; the page a policy allowing only its own files.</summary>
public sealed class SecurityHeaderTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Theory]
    [InlineData("/", "default-src 'self'")]
    [InlineData("/dashboard.js", "default-src 'none'")]
    [InlineData("/health", "default-src 'none'")]
    [InlineData("/openapi/v1.json", "default-src 'none'")]
    [InlineData("/products", "default-src 'none'")]
    [InlineData("/no-such-route", "default-src 'none'")]
    public async Task Response_Always_CarriesTheSecurityHeaders(string path, string policy)
    {
        using var response = await host.As("Administrator").GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith(policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
