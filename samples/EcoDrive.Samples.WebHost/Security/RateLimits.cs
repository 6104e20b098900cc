using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EcoDrive.Samples.WebHost.Security;

/// <summary>The host's rate limits (<c>EcoDrive:RateLimits</c>); generous defaults that a load test does not reach.</summary>
internal sealed class RateLimitOptions
{
    /// <summary>Requests one authenticated user may make per second.</summary>
    public int RequestsPerUserPerSecond { get; set; } = 10_000;

    /// <summary>Wrong API keys one client address may send per minute before every keyed request from it is refused.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 20;
}

/// <summary>
/// ASP.NET Core's rate limiter twice over: per authenticated user (a fixed window per second), and per client
/// address on authentication failures — once an address has sent too many wrong keys in a minute, every request from it
/// that carries a key is refused until the window ends, the right key included, so that guessing learns nothing.
/// Refusals are 429 problems with <c>Retry-After</c>.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddEcoDriveRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection("EcoDrive:RateLimits"));
        services.AddSingleton(sp =>
        {
            var limit = sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.FailedAuthenticationsPerMinute;
            return new FailedAuthentications(PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
                address, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => TooManyRequestsAsync(
                context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.User.Identity is not { IsAuthenticated: true, Name: not null })
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var perSecond = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RequestsPerUserPerSecond;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? string.Empty,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>After authentication: refuses keyed requests from an address locked out by its wrong keys, and counts those.</summary>
    public static IApplicationBuilder UseEcoDriveRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            // The handler keeps its result for the request, so this does not authenticate twice; the middleware before
            // only publishes successes.
            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (!result.None)
            {
                var failures = context.RequestServices.GetRequiredService<FailedAuthentications>();
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (result.Failure is not null)
                {
                    using var lease = failures.Limiter.AttemptAcquire(address);
                    if (!lease.IsAcquired)
                    {
                        await TooManyRequestsAsync(context, TimeSpan.FromMinutes(1));
                        return;
                    }
                }
                else if (failures.Limiter.GetStatistics(address) is { CurrentAvailablePermits: <= 0 })
                {
                    await TooManyRequestsAsync(context, TimeSpan.FromMinutes(1));
                    return;
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static async ValueTask TooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            title: "Too many requests",
            detail: "Slow down and retry after the number of seconds in Retry-After.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["code"] = "request.rate-limited" }).ExecuteAsync(context);
    }

    /// <summary>Wrong keys per client address, in fixed one-minute windows.</summary>
    internal sealed record FailedAuthentications(PartitionedRateLimiter<string> Limiter);
}
