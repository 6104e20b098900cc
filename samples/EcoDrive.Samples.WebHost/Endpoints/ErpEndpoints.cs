using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Integration.Application;
using EcoDrive.Samples.WebHost.Security;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>Catalogue, stock, fulfilment, invoices and payments.</summary>
internal static class ErpEndpoints
{
    public static void MapErp(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products").WithTags("Catalogue and stock").RequireAuthorization();
        products.MapPost("/", async (AddProductRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var id = await service.AddProductAsync(
                actor, request.Name, new ProductSegment(request.Segment), request.ListPrice, new VatRate(request.VatRatePercent), request.ReorderPoint, ct);
            return TypedResults.Created($"/products/{id}", await service.GetProductAsync(actor, id, ct));
        }).WithSummary("Adds a product to the catalogue, with empty stock.");
        products.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.GetProductAsync(CurrentUser.Of(principal), new ProductId(id), ct)).WithSummary("Reads a product.");
        products.MapGet("/{id:guid}/stock", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.GetStockAsync(CurrentUser.Of(principal), new ProductId(id), ct)).WithSummary("Stock on hand and reservations.");
        products.MapPost("/{id:guid}/stock/receipts", (Guid id, ReceiveStockRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.ReceiveStockAsync(CurrentUser.Of(principal), new ProductId(id), request.Quantity, ct)).WithSummary("Receives units into stock.");

        var orders = app.MapGroup("/orders").WithTags("Fulfilment").RequireAuthorization();
        orders.MapGet("/{id:guid}/erp", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.GetOrderAsync(CurrentUser.Of(principal), new OrderId(id), ct)).WithSummary("The ERP's order with its full status history.");
        orders.MapPost("/{id:guid}/preparation", async (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
        {
            await service.StartPreparationAsync(CurrentUser.Of(principal), new OrderId(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Confirmed → InPreparation.");
        orders.MapPost("/{id:guid}/shipment", async (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
        {
            await service.ShipAsync(CurrentUser.Of(principal), new OrderId(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("InPreparation → Shipped; consumes the reserved stock.");
        orders.MapPost("/{id:guid}/cancellation", async (Guid id, ReasonRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
        {
            await service.CancelAsync(CurrentUser.Of(principal), new OrderId(id), request.Reason, ct);
            return TypedResults.NoContent();
        }).WithSummary("Cancels an order that has not shipped, releasing its stock.");

        var billing = app.MapGroup("/").WithTags("Invoices and payments").RequireAuthorization();
        billing.MapPost("/orders/{id:guid}/invoice", async (Guid id, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
        {
            var invoice = await service.IssueInvoiceAsync(CurrentUser.Of(principal), new OrderId(id), cancellationToken: ct);
            return TypedResults.Created($"/invoices/{invoice.Id}", invoice);
        }).WithSummary("Issues the invoice of a shipped order, with the next number of its series.");
        billing.MapPost("/invoices/{id:guid}/payments", (Guid id, RecordPaymentRequest request, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
            service.RecordPaymentAsync(CurrentUser.Of(principal), new InvoiceId(id), request.Amount, request.Reference, ct))
            .WithSummary("Records a payment; refuses more than the balance due.");
    }
}
