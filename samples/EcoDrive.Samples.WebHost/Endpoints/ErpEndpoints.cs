using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Erp.Invoices;
using EcoDrive.Application;
using EcoDrive.Samples.WebHost.Infrastructure;
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
        }).WithSummary("Adds a product to the catalogue, with empty stock.")
            .WithRequestExample(new { name = "Volt X5 SUV", segment = "suv", listPrice = new { amount = "42000.00", currency = "EUR" }, vatRatePercent = 20, reorderPoint = 2 });
        products.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.GetProductAsync(CurrentUser.Of(principal), new ProductId(id), ct)).WithSummary("Reads a product.");
        products.MapGet("/{id:guid}/stock", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.GetStockAsync(CurrentUser.Of(principal), new ProductId(id), ct)).WithSummary("Stock on hand and reservations.");
        products.MapGet("/", (string? segment, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.ListProductsAsync(CurrentUser.Of(principal), segment is null ? null : ProductSegment.Parse(segment), ct))
            .WithSummary("Lists the catalogue by name; all products, or one segment's.");
        products.MapPut("/{id:guid}/list-price", (Guid id, ListPriceRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.RepriceAsync(CurrentUser.Of(principal), new ProductId(id), request.ListPrice, ct))
            .WithSummary("Changes a product's list price; orders and offers already made keep theirs.")
            .WithRequestExample(new { listPrice = new { amount = "39900.00", currency = "EUR" } });
        products.MapPut("/{id:guid}/reorder-point", (Guid id, ReorderPointRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.ChangeReorderPointAsync(CurrentUser.Of(principal), new ProductId(id), request.ReorderPoint, ct))
            .WithSummary("Changes a product's reorder point.")
            .WithRequestExample(new { reorderPoint = 3 });
        products.MapPost("/{id:guid}/stock/adjustments", (Guid id, AdjustStockRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.AdjustStockAsync(CurrentUser.Of(principal), new ProductId(id), request.Change, request.Reason, ct))
            .WithSummary("Corrects the stock on hand with a reason; never below what is reserved. Units added serve backorders first.")
            .WithRequestExample(new { change = -1, reason = "Damaged in transport" });
        products.MapPost("/{id:guid}/stock/receipts", (Guid id, ReceiveStockRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.ReceiveStockAsync(CurrentUser.Of(principal), new ProductId(id), request.Quantity, ct))
            .WithSummary("Receives units into stock (outside any purchase order); they serve backordered orders first.")
            .WithRequestExample(new { quantity = 5 });

        app.MapGet("/stock-levels", (bool? underReorderPoint, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.ListStockLevelsAsync(CurrentUser.Of(principal), underReorderPoint ?? false, ct))
            .WithTags("Catalogue and stock").RequireAuthorization()
            .WithSummary("Every product's stock: on hand, reserved, available, backordered, on order; underReorderPoint=true lists only those to reorder.");

        var orders = app.MapGroup("/orders").WithTags("Fulfilment").RequireAuthorization();
        orders.MapGet("/{id:guid}/erp", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            service.GetOrderAsync(CurrentUser.Of(principal), new OrderId(id), ct)).WithSummary("The ERP's order with its full status history.");
        orders.MapPost("/{id:guid}/preparation", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.StartPreparationAsync(CurrentUser.Of(principal), new OrderId(id), ct))).WithSummary("Confirmed → InPreparation.");
        orders.MapPost("/{id:guid}/shipment", (Guid id, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.ShipAsync(CurrentUser.Of(principal), new OrderId(id), ct))).WithSummary("InPreparation → Shipped; consumes the reserved stock.");
        orders.MapPost("/{id:guid}/cancellation", (Guid id, ReasonRequest request, ClaimsPrincipal principal, FulfilmentService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.CancelAsync(CurrentUser.Of(principal), new OrderId(id), request.Reason, ct))).WithSummary("Cancels an order that has not shipped, releasing its stock.")
            .WithRequestExample(new { reason = "Customer withdrew within the cooling-off period" });

        var billing = app.MapGroup("/").WithTags("Invoices and payments").RequireAuthorization();
        billing.MapPost("/orders/{id:guid}/invoice", async (Guid id, IssueInvoiceRequest? request, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
        {
            var invoice = await service.IssueInvoiceAsync(CurrentUser.Of(principal), new OrderId(id), request?.Terms(), request?.CustomerVatNumber, ct);
            return TypedResults.Created($"/invoices/{invoice.Id}", invoice);
        }).WithSummary("Issues the invoice of a shipped order, with the next number of its series; the body (optional) sets other payment terms.")
            .WithRequestExample(new { paymentDays = 45, endOfMonth = true });
        billing.MapGet("/invoices", (InvoiceSettlement? settlement, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
            service.ListInvoicesAsync(CurrentUser.Of(principal), settlement, ct))
            .WithSummary("Lists invoices by number: all, or the Unpaid, PartiallyPaid or Paid ones.");
        billing.MapGet("/invoices/overdue", (ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
            service.ListOverdueAsync(CurrentUser.Of(principal), ct))
            .WithSummary("Invoices past their due date (in the seller's time zone) with something still due, oldest due date first.");
        billing.MapGet("/invoices/{id:guid}", (Guid id, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
            service.GetInvoiceAsync(CurrentUser.Of(principal), new InvoiceId(id), ct))
            .WithSummary("Reads an invoice: legal mentions, lines, VAT per rate, payments, credit notes and balance.");
        billing.MapPost("/invoices/{id:guid}/credit-notes", async (Guid id, CreditNoteRequest request, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
        {
            var creditNote = await service.IssueCreditNoteAsync(CurrentUser.Of(principal), new InvoiceId(id), request.Reason, request.ToLines(), ct);
            return TypedResults.Created($"/invoices/{id}/credit-notes", creditNote);
        }).WithSummary("Issues a credit note (series AV) for everything not credited yet, or for the lines given (returned units, price reductions).")
            .WithRequestExample(new { reason = "Commercial gesture: delivery two weeks late", lines = new[] { new { invoiceLine = 1, quantity = 1, unitPrice = new { amount = "500.00", currency = "EUR" } } } });
        billing.MapGet("/invoices/{id:guid}/credit-notes", (Guid id, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
            service.ListCreditNotesAsync(CurrentUser.Of(principal), new InvoiceId(id), ct))
            .WithSummary("The credit notes of an invoice, by number.");
        billing.MapPost("/invoices/{id:guid}/payments", (Guid id, RecordPaymentRequest request, ClaimsPrincipal principal, BillingService service, CancellationToken ct) =>
            service.RecordPaymentAsync(CurrentUser.Of(principal), new InvoiceId(id), request.Amount, request.Reference, ct))
            .WithSummary("Records a payment; refuses more than the balance due.")
            .WithRequestExample(new { amount = new { amount = "50400.00", currency = "EUR" }, reference = "VIR-2026-03-118" });
    }
}
