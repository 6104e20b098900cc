using Microsoft.AspNetCore.Mvc;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Request bodies are at most <see cref="MaxBytes"/> (1 MiB; no request of this API needs more): Kestrel enforces it
/// while reading, and a declared <c>Content-Length</c> above it is refused at once as a 413 problem, on any server.
/// </summary>
internal static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"A request body is at most {MaxBytes} bytes.",
                    Extensions = { ["code"] = "request.too-large" },
                },
            });
            return;
        }

        await next(context);
    });
}
