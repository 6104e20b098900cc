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

/// <summary>The users the host knows, from configuration (<c>EcoDrive:Users</c>).</summary>
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
/// Authenticates a request by its API key, sent as <c>X-Api-Key: key</c> or <c>Authorization: ApiKey key</c>, or as
/// the <c>api_key</c> query parameter (for EventSource, which cannot send headers).
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
            ?? Request.Query["api_key"].FirstOrDefault();
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
