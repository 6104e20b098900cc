using System.Security.Claims;
using System.Text.Encodings.Web;
using EcoDrive.Core;
using EcoDrive.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EcoDrive.Samples.WebHost.Security;

/// <summary>One configured user of the host, with the API key that authenticates them.</summary>
internal sealed class ConfiguredUser
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public Role Role { get; init; }

    public string ApiKey { get; init; } = string.Empty;

    public User ToUser() => new(new UserId(Id), Name, Role);
}

/// <summary>
/// The users the host knows, from configuration (<c>EcoDrive:Users</c>; the development users are in
/// <c>appsettings.Development.json</c> only). <see cref="UserDirectoryOptionsValidator"/> runs at start-up.
/// </summary>
internal sealed class UserDirectory(IOptions<UserDirectoryOptions> options)
{
    private readonly Dictionary<string, ConfiguredUser> _byKey = options.Value.Users.ToDictionary(u => u.ApiKey, StringComparer.Ordinal);

    public IReadOnlyCollection<ConfiguredUser> Users => _byKey.Values;

    public ConfiguredUser? FindByApiKey(string key) => _byKey.GetValueOrDefault(key);

    public ConfiguredUser? FindById(Guid id) => _byKey.Values.FirstOrDefault(u => u.Id == id);
}

internal sealed class UserDirectoryOptions
{
    public List<ConfiguredUser> Users { get; init; } = [];
}

/// <summary>
/// Refuses, at start-up, a configuration the host cannot authenticate with: a user without a key, or users sharing
/// one. The message names the users, never a key, since start-up errors end up in logs.
/// </summary>
internal sealed class UserDirectoryOptionsValidator : IValidateOptions<UserDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, UserDirectoryOptions options)
    {
        var problems = new List<string>();
        problems.AddRange(options.Users.Where(u => string.IsNullOrWhiteSpace(u.ApiKey)).Select(u => $"user {u.Id} ({u.Name}) has no API key"));
        problems.AddRange(options.Users.Where(u => !string.IsNullOrWhiteSpace(u.ApiKey))
            .GroupBy(u => u.ApiKey, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"users {string.Join(", ", g.Select(u => $"{u.Id} ({u.Name})"))} share one API key"));
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"EcoDrive:Users: {string.Join("; ", problems)}. Give each user a key of their own.");
    }
}

/// <summary>
/// Authenticates a request by its API key, sent as <c>X-Api-Key: key</c> or <c>Authorization: ApiKey key</c>; the
/// <c>api_key</c> query parameter only on an order's event stream (for EventSource, which cannot send headers), since
/// query strings end up in logs and browser histories.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers["X-Api-Key"].FirstOrDefault()
            ?? (Request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? header[(SchemeName.Length + 1)..].Trim() : null)
            ?? (IsEventStream(Request.Path) ? Request.Query["api_key"].FirstOrDefault() : null);
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (users.FindByApiKey(key) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.ToString())],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>Whether the path is an order's server-sent event stream, <c>/orders/{id}/events</c>.</summary>
    private static bool IsEventStream(PathString path) =>
        path.Value is { } value && value.StartsWith("/orders/", StringComparison.Ordinal) && value.EndsWith("/events", StringComparison.Ordinal)
        && value.Count(c => c == '/') == 3;

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} realm=\"EcoDrive\"";
        await Results.Problem(
            title: "Authentication required",
            detail: "Send your API key in the X-Api-Key header (see README for the development keys).",
            statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = "access.unauthenticated" }).ExecuteAsync(Context);
    }
}

/// <summary>The EcoDrive user behind the current request.</summary>
internal static class CurrentUser
{
    public static User Of(ClaimsPrincipal principal)
    {
        var id = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return new User(new UserId(id), principal.FindFirstValue(ClaimTypes.Name)!, Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role)!));
    }
}
