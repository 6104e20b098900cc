using System.Text.Json;
using EcoDrive.Core;
using EcoDrive.Core.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>
/// Turns every error into an RFC 9457 problem with our stable <c>code</c>: a missing permission is 403 naming it, an
/// unknown id 404, a broken business rule 409 (state) or 422 (content), an input value the SDK refuses 400 with its
/// <c>input.*</c> code naming the field, any other bad request 400 <c>request.invalid</c>. Nothing else leaks: an
/// unexpected error is a 500 without details.
/// </summary>
internal sealed class DomainProblemDetails(IProblemDetailsService problems, ILogger<DomainProblemDetails> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, code, errors) = exception switch
        {
            PermissionDeniedException denied => (StatusCodes.Status403Forbidden, "Permission denied", denied.Code, Errors("permission", denied.Permission.Name)),
            EntityNotFoundException notFound => (StatusCodes.Status404NotFound, "Not found", notFound.Code, null),
            InvalidTransitionException or ConcurrencyConflictException or Core.Customers.DuplicateCustomerException =>
                (StatusCodes.Status409Conflict, "Conflict with the current state", ((DomainException)exception).Code, null),
            DomainException domain => (StatusCodes.Status422UnprocessableEntity, "Business rule broken", domain.Code, null),
            InvalidInputException input => (StatusCodes.Status400BadRequest, "Invalid input", input.Code, Errors(input.ParamName ?? "request", FirstLine(input.Message))),
            ArgumentException argument => (StatusCodes.Status400BadRequest, "Invalid request", "request.invalid", Errors(argument.ParamName ?? "request", FirstLine(argument.Message))),
            FormatException format => (StatusCodes.Status400BadRequest, "Invalid request", "request.invalid", Errors("request", format.Message)),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, "Invalid JSON", "request.invalid-json", Errors(Field(json), json.Message)),
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", "request.invalid", Errors("request", bad.Message)),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "server.error", null),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = status >= 500 ? "The server failed; the error is logged." : FirstLine(exception.Message);
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    // A rule checked once an object is read (StrictJson) names its member relative to the object's path.
    private static string Field(JsonException json) =>
        json.Data[StrictJson.MemberKey] is string member ? $"{json.Path ?? "$"}.{member}" : json.Path ?? "body";

    private static string FirstLine(string message) => message.Split(" (Parameter", 2)[0];
}
