using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Application;
using EcoDrive.Samples.WebHost.Infrastructure;
using EcoDrive.Samples.WebHost.Security;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>Targeted campaigns: create with a segment, preview the audience, launch, send, report.</summary>
internal static class CampaignEndpoints
{
    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/campaigns").WithTags("Campaigns").RequireAuthorization();
        campaigns.MapPost("/", async (CreateCampaignRequest request, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            ArgumentNullException.ThrowIfNull(request.Segment, "segment");
            ArgumentNullException.ThrowIfNull(request.Message, "message");
            var id = await service.CreateAsync(actor, request.Name, request.Segment.ToSegment("segment"), request.Channel, request.Message.ToMessage(), ct);
            return TypedResults.Created($"/campaigns/{id}", await service.GetReportAsync(actor, id, ct));
        }).WithSummary("Prepares a campaign (draft) for a segment: criteria combined with and/or; nothing is sent yet.")
            .WithRequestExample(new
            {
                name = "SUV spring promotion",
                segment = new
                {
                    and = new object[]
                    {
                        new { interestedIn = "suv" },
                        new { or = new object[] { new { postalCodeStartsWith = "69" }, new { postalCodeStartsWith = "38" } } },
                    },
                },
                channel = nameof(CampaignChannel.Email),
                message = new
                {
                    subject = "{model}: {offer}",
                    body = "Bonjour {firstName}, the {model} is yours with {offer}.",
                    model = "Volt X5 SUV",
                    offer = "a free wall box",
                },
            });
        campaigns.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            service.GetReportAsync(CurrentUser.Of(principal), new CampaignId(id), ct))
            .WithSummary("The campaign and its results: deliveries (without addresses), leads it brought and how many were won.");
        campaigns.MapGet("/{id:guid}/audience", (Guid id, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            service.PreviewAudienceAsync(CurrentUser.Of(principal), new CampaignId(id), ct))
            .WithSummary("Who the campaign would reach if launched now, as counts: recipients, and those left out without consent, as duplicates or unreachable.")
            .WithResponseExample(StatusCodes.Status200OK, new AudienceCounts(Recipients: 412, Matched: 530, WithoutConsent: 96, Duplicates: 17, Unreachable: 5));
        campaigns.MapPost("/{id:guid}/launch", (Guid id, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            service.LaunchAsync(CurrentUser.Of(principal), new CampaignId(id), ct))
            .WithSummary("Launches a draft: fixes its audience (consenting people, once each) and renders one pending message per recipient.");
        campaigns.MapPost("/{id:guid}/send", (Guid id, ClaimsPrincipal principal, CampaignService service, CancellationToken ct) =>
            service.SendPendingAsync(CurrentUser.Of(principal), new CampaignId(id), ct))
            .WithSummary("Sends the launched campaign's pending messages, recording each outcome; returns the report.");
    }
}
