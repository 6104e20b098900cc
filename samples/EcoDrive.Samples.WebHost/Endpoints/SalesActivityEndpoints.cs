using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Crm;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Offers;
using EcoDrive.Application;
using EcoDrive.Samples.WebHost.Infrastructure;
using EcoDrive.Samples.WebHost.Security;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>
/// A salesperson's daily work with customers and leads alike: interactions, follow-ups (relances) with their agenda,
/// and offers that become orders.
/// </summary>
internal static class SalesActivityEndpoints
{
    private const string Activity = "Sales activity";
    private const string Offers = "Offers";

    public static void MapSalesActivity(this IEndpointRouteBuilder app)
    {
        MapPartyWork(app.MapGroup("/customers/{id:guid}").RequireAuthorization(), "customer", id => PartyRef.Customer(new CustomerId(id)));
        MapPartyWork(app.MapGroup("/leads/{id:guid}").RequireAuthorization(), "lead", id => PartyRef.Lead(new LeadId(id)));

        var followUps = app.MapGroup("/follow-ups").WithTags(Activity).RequireAuthorization();
        followUps.MapGet("/agenda", (Guid? salesperson, int? horizonHours, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var horizon = horizonHours is { } hours
                ? hours is >= 0 and <= 24 * 366 ? TimeSpan.FromHours(hours) : throw new ArgumentOutOfRangeException(nameof(horizonHours), hours, "Give a horizon from 0 to 8784 hours.")
                : (TimeSpan?)null;
            return service.GetAgendaAsync(actor, salesperson is { } id ? new UserId(id) : actor.Id, horizon, ct);
        }).WithSummary("A salesperson's open follow-ups: overdue, and due within the horizon (default 24 hours); the caller's own by default.");
        followUps.MapPost("/{id:guid}/completion", (Guid id, CompleteFollowUpRequest? request, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.CompleteFollowUpAsync(CurrentUser.Of(principal), new FollowUpId(id), request?.Outcome, ct)))
            .WithSummary("Records that a follow-up was done, with its outcome if noted.")
            .WithRequestExample(new { outcome = "Test drive booked for Saturday" });
        followUps.MapPost("/{id:guid}/reschedule", (Guid id, RescheduleFollowUpRequest request, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.RescheduleFollowUpAsync(CurrentUser.Of(principal), new FollowUpId(id), request.DueAt, request.Reason, ct)))
            .WithSummary("Moves an open follow-up's due time.")
            .WithRequestExample(new { dueAt = "2026-03-10T09:00:00+01:00", reason = "Customer on holiday" });
        followUps.MapPost("/{id:guid}/cancellation", (Guid id, ReasonRequest request, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.CancelFollowUpAsync(CurrentUser.Of(principal), new FollowUpId(id), request.Reason, ct)))
            .WithSummary("Cancels an open follow-up, with a reason.")
            .WithRequestExample(new { reason = "Customer asked not to be called" });

        var offers = app.MapGroup("/offers").WithTags(Offers).RequireAuthorization();
        offers.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal principal, OfferService service, TimeProvider clock, CancellationToken ct) =>
            OfferResponse.Of(await service.GetAsync(CurrentUser.Of(principal), new OfferId(id), ct), clock.GetUtcNow()))
            .WithSummary("Reads an offer; a sent offer past its validity shows as Expired.");
        offers.MapPost("/{id:guid}/send", (Guid id, ClaimsPrincipal principal, OfferService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.SendAsync(CurrentUser.Of(principal), new OfferId(id), ct)))
            .WithSummary("Draft → Sent; a qualified lead moves to OfferSent.");
        offers.MapPost("/{id:guid}/accept", (Guid id, ClaimsPrincipal principal, OfferService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.AcceptAsync(CurrentUser.Of(principal), new OfferId(id), ct)))
            .WithSummary("Records the customer's acceptance; refused once the validity has ended (offer.expired).");
        offers.MapPost("/{id:guid}/decline", (Guid id, ReasonRequest request, ClaimsPrincipal principal, OfferService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.DeclineAsync(CurrentUser.Of(principal), new OfferId(id), request.Reason, ct)))
            .WithSummary("Records that the customer declined, with a reason.")
            .WithRequestExample(new { reason = "Monthly payment too high" });
        offers.MapPost("/{id:guid}/order", async (Guid id, Guid? approvedBy, ClaimsPrincipal principal, OfferService service, SalesOrderService sales, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var orderId = await service.SubmitOrderAsync(actor, new OfferId(id), approvedBy is { } approver ? new UserId(approver) : null, ct);
            return TypedResults.Created($"/orders/{orderId}", await sales.GetAsync(actor, orderId, ct));
        }).WithSummary("Turns an accepted offer into an order at the offer's prices; it travels to the ERP like any order. An offer to a lead needs the lead won first; a discount beyond the caller's limit needs ?approvedBy= a user allowed to approve it.");
        offers.MapPost("/expiry", async (ClaimsPrincipal principal, OfferService service, CancellationToken ct) =>
            TypedResults.Ok(new ExpiredOffers(await service.ExpireDueAsync(CurrentUser.Of(principal), ct))))
            .WithSummary("Records the expiry of every sent offer past its validity (a sweep to run daily).");
    }

    private static void MapPartyWork(RouteGroupBuilder party, string kind, Func<Guid, PartyRef> partyOf)
    {
        var path = kind == "customer" ? "customers" : "leads";
        party.MapPost("/interactions", async (Guid id, LogInteractionRequest request, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var interactionId = await service.LogInteractionAsync(actor, partyOf(id), request.Kind, request.Note, request.At, ct);
            var logged = (await service.ListInteractionsAsync(actor, partyOf(id), ct)).Single(i => i.Id == interactionId);
            return TypedResults.Created($"/{path}/{id}/interactions", logged);
        }).WithTags(Activity).WithSummary($"Logs an interaction with the {kind}: call, e-mail, visit, test drive or meeting.")
            .WithRequestExample(new { kind = nameof(InteractionKind.TestDrive), note = "Loved the range; worried about charging at home", at = "2026-03-02T15:30:00+01:00" });
        party.MapGet("/interactions", (Guid id, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
            service.ListInteractionsAsync(CurrentUser.Of(principal), partyOf(id), ct))
            .WithTags(Activity).WithSummary($"Every interaction with the {kind}, oldest first.");

        party.MapPost("/follow-ups", async (Guid id, ScheduleFollowUpRequest request, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var followUpId = await service.ScheduleFollowUpAsync(
                actor, partyOf(id), request.DueAt, request.Purpose, request.AssigneeId is { } assignee ? new UserId(assignee) : null, ct);
            var scheduled = (await service.ListFollowUpsAsync(actor, partyOf(id), ct)).Single(f => f.Id == followUpId);
            return TypedResults.Created($"/{path}/{id}/follow-ups", scheduled);
        }).WithTags(Activity).WithSummary($"Plans a follow-up (relance) of the {kind}, for the caller or another salesperson.")
            .WithRequestExample(new { dueAt = "2026-03-05T10:00:00+01:00", purpose = "Call back about the wall box installation" });
        party.MapGet("/follow-ups", (Guid id, ClaimsPrincipal principal, SalesActivityService service, CancellationToken ct) =>
            service.ListFollowUpsAsync(CurrentUser.Of(principal), partyOf(id), ct))
            .WithTags(Activity).WithSummary($"Every follow-up of the {kind}, soonest due first.");

        party.MapPost("/offers", async (Guid id, DraftOfferRequest request, ClaimsPrincipal principal, OfferService service, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var offerId = await service.DraftAsync(actor, partyOf(id), request.ToItems(), request.ValidUntil, request.ApprovedBy is { } approver ? new UserId(approver) : null, ct);
            return TypedResults.Created($"/offers/{offerId}", OfferResponse.Of(await service.GetAsync(actor, offerId, ct), clock.GetUtcNow()));
        }).WithTags(Offers).WithSummary($"Drafts an offer (quote) to the {kind}, priced from the catalogue less each line's discount per unit.")
            .WithRequestExample(new
            {
                items = new object[]
                {
                    new { productId = "0190f5e2-1111-7000-8000-000000000001", quantity = 1, discountPercent = 8 },
                    new { productId = "0190f5e2-1111-7000-8000-000000000002", quantity = 1, discountPerUnit = new { amount = "300.00", currency = "EUR" } },
                },
                validUntil = "2026-03-31T23:59:59+02:00",
            });
    }
}

/// <summary>An offer with its status as of now (a sent offer past its validity is Expired) and its totals.</summary>
/// <param name="Id">The offer.</param>
/// <param name="Party">The customer or lead it is for.</param>
/// <param name="OwnerId">The salesperson who prepared it.</param>
/// <param name="Lines">What is offered, with each line's discount and net amounts.</param>
/// <param name="ValidUntil">The last moment at which it can be accepted.</param>
/// <param name="Status">Its status now.</param>
/// <param name="OrderId">The order it became, once ordered.</param>
/// <param name="Totals">Net total, VAT per rate and total with VAT.</param>
/// <param name="History">Changes of status, oldest first.</param>
internal sealed record OfferResponse(
    OfferId Id,
    PartyRef Party,
    UserId OwnerId,
    IReadOnlyList<OfferLineResponse> Lines,
    DateTimeOffset ValidUntil,
    OfferStatus Status,
    OrderId? OrderId,
    VatBreakdown Totals,
    IReadOnlyList<OfferChange> History)
{
    public static OfferResponse Of(OfferSnapshot offer, DateTimeOffset now) =>
        new(offer.Id, offer.Party, offer.OwnerId, [.. offer.Lines.Select(OfferLineResponse.Of)], offer.ValidUntil, offer.StatusAsOf(now), offer.OrderId, offer.Totals, offer.History);
}

/// <summary>One line of an offer: the product, the quantity, the discount on each unit and the resulting amounts.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Model">The product's name as the customer reads it.</param>
/// <param name="Quantity">How many units.</param>
/// <param name="UnitPrice">Price of one unit before the discount, VAT excluded.</param>
/// <param name="VatRate">VAT rate of the line.</param>
/// <param name="DiscountPercent">Percentage off each unit, for a percentage discount.</param>
/// <param name="DiscountPerUnit">Amount off each unit, for a fixed discount.</param>
/// <param name="NetUnitPrice">Price of one unit after the discount, VAT excluded: the order's price if accepted.</param>
/// <param name="Net">Quantity × discounted unit price.</param>
/// <param name="DiscountTotal">What the discount takes off the line.</param>
internal sealed record OfferLineResponse(
    ProductId ProductId, string Model, int Quantity, Money UnitPrice, VatRate VatRate, decimal? DiscountPercent, Money? DiscountPerUnit, Money NetUnitPrice, Money Net, Money DiscountTotal)
{
    public static OfferLineResponse Of(OfferLine line) => new(
        line.ProductId, line.Model, line.Quantity, line.UnitPrice, line.VatRate, line.Discount.Percentage, line.Discount.AmountPerUnit, line.NetUnitPrice, line.Net, line.DiscountTotal);
}

/// <summary>How many offers the sweep expired.</summary>
/// <param name="Expired">Offers recorded as expired.</param>
internal sealed record ExpiredOffers(int Expired);
