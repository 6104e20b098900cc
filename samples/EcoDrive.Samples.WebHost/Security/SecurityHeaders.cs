namespace EcoDrive.Samples.WebHost.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing, no referrer; the dashboard page (HTML) gets a policy that
/// allows only its own files (it has no inline script or style), every other answer a policy that allows nothing.
/// </summary>
internal static class SecurityHeaders
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true ? PagePolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
