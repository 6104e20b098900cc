using System.Security.Claims;
using EcoDrive.Application;
using EcoDrive.Application.Messaging;
using EcoDrive.Samples.WebHost.Security;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>The messages between CRM and ERP parked after failing every attempt: listed, retried or discarded by an administrator.</summary>
internal static class OutboxEndpoints
{
    public static void MapOutbox(this IEndpointRouteBuilder app)
    {
        var parked = app.MapGroup("/outbox/parked").WithTags("Operations").RequireAuthorization();
        parked.MapGet("/", async (ClaimsPrincipal principal, ParkedMessageService service, CancellationToken ct) =>
        {
            var entries = await service.ListAsync(CurrentUser.Of(principal), 1_000, ct);
            return TypedResults.Ok(entries.Select(ParkedMessageResponse.Of).ToArray());
        }).WithSummary("Messages parked after failing every attempt, oldest first, with their last error (at most 1,000).");
        parked.MapPost("/{id:guid}/retry", (Guid id, ClaimsPrincipal principal, ParkedMessageService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.RetryAsync(CurrentUser.Of(principal), id, ct))).WithSummary("Makes a parked message due again now; the dispatcher delivers it next.");
        parked.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal principal, ParkedMessageService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.DiscardAsync(CurrentUser.Of(principal), id, ct))).WithSummary("Discards a parked message for good: its effects are never applied.");
    }
}

/// <summary>A parked message.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="Type">What it is, e.g. <c>OrderSubmitted</c>.</param>
/// <param name="OccurredAt">When the change that caused it was committed.</param>
/// <param name="Attempts">Failed delivery attempts.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="ParkedAt">When it was parked.</param>
internal sealed record ParkedMessageResponse(Guid MessageId, string Type, DateTimeOffset OccurredAt, int Attempts, string? LastError, DateTimeOffset? ParkedAt)
{
    public static ParkedMessageResponse Of(OutboxEntry entry) =>
        new(entry.Message.MessageId, entry.Message.GetType().Name, entry.Message.OccurredAt, entry.Attempts, entry.LastError, entry.ParkedAt);
}
