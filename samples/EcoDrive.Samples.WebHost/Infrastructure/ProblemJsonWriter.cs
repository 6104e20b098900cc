using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c> header. The framework's
/// writer declines when <c>Accept</c> does not admit JSON (<c>text/html</c>, or <c>text/event-stream</c> as a browser's
/// EventSource sends), which left errors with an empty body, or turned a handled error into a 500. An API has no other
/// representation of an error to offer, and RFC 9110 lets a server answer an error outside what <c>Accept</c> lists.
/// Registered before <c>AddProblemDetails</c>, so that the problem details service always picks it first.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= httpContext.Response.StatusCode;
        problem.Type ??= $"https://tools.ietf.org/html/rfc9110#section-15.{(problem.Status >= 500 ? 6 : 5)}";
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? httpContext.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(httpContext.Response.WriteAsJsonAsync(
            problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()), contentType: "application/problem+json", httpContext.RequestAborted));
    }
}
