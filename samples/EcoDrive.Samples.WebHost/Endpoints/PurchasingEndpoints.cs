using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Erp.Purchasing;
using EcoDrive.Application;
using EcoDrive.Samples.WebHost.Infrastructure;
using EcoDrive.Samples.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>Supplier purchase orders: draft or propose, add lines, place, receive.</summary>
internal static class PurchasingEndpoints
{
    public static void MapPurchasing(this IEndpointRouteBuilder app)
    {
        var purchases = app.MapGroup("/purchase-orders").WithTags("Purchasing").RequireAuthorization();
        purchases.MapPost("/", async (SupplierRequest request, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
        {
            var draft = await service.DraftAsync(CurrentUser.Of(principal), request.Supplier, ct);
            return TypedResults.Created($"/purchase-orders/{draft.Id}", draft);
        }).WithSummary("Starts an empty draft purchase order for a supplier.")
            .WithRequestExample(new { supplier = "Volt Motors Europe" });
        purchases.MapPost("/proposal", async Task<Results<Created<PurchaseOrderSnapshot>, NoContent>> (SupplierRequest request, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
            await service.ProposeAsync(CurrentUser.Of(principal), request.Supplier, ct) is { } proposal
                ? TypedResults.Created($"/purchase-orders/{proposal.Id}", proposal)
                : TypedResults.NoContent())
            .WithSummary("Drafts the purchase order that brings every product under its reorder point back to it; 204 when none is under it.")
            .WithRequestExample(new { supplier = "Volt Motors Europe" });
        purchases.MapGet("/", (PurchaseOrderStatus? status, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
            service.ListAsync(CurrentUser.Of(principal), status, ct))
            .WithSummary("Lists purchase orders, oldest first; all, or those in one status.");
        purchases.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
            service.GetAsync(CurrentUser.Of(principal), new PurchaseOrderId(id), ct))
            .WithSummary("Reads a purchase order with its lines and deliveries.");
        purchases.MapPost("/{id:guid}/lines", (Guid id, ProductQuantityRequest request, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
            service.AddLineAsync(CurrentUser.Of(principal), new PurchaseOrderId(id), new ProductId(request.ProductId), request.Quantity, ct))
            .WithSummary("Adds units of a product to a draft.")
            .WithRequestExample(new { productId = "0190f5e2-1111-7000-8000-000000000001", quantity = 6 });
        purchases.MapPost("/{id:guid}/place", (Guid id, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
            service.PlaceAsync(CurrentUser.Of(principal), new PurchaseOrderId(id), ct))
            .WithSummary("Draft → Ordered: sends it to the supplier; its units count as on order.");
        purchases.MapPost("/{id:guid}/receipts", (Guid id, ProductQuantityRequest request, ClaimsPrincipal principal, PurchasingService service, CancellationToken ct) =>
            service.ReceiveAsync(CurrentUser.Of(principal), new PurchaseOrderId(id), new ProductId(request.ProductId), request.Quantity, ct))
            .WithSummary("Receives a delivery: adds it to stock and confirms the backordered orders it fits, first come first served.")
            .WithRequestExample(new { productId = "0190f5e2-1111-7000-8000-000000000001", quantity = 4 });
    }
}
