using System.Security.Claims;
using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Application;
using EcoDrive.Samples.WebHost.Infrastructure;
using EcoDrive.Samples.WebHost.Security;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>Customers, leads and orders as the salespeople see them.</summary>
internal static class CrmEndpoints
{
    public static void MapCrm(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/customers").WithTags("Customers").RequireAuthorization();
        customers.MapPost("/", async (CreateCustomerRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var id = request.Kind == CustomerKind.Company
                ? await service.CreateCompanyAsync(
                    actor, request.LegalName ?? string.Empty, request.Contact(),
                    request.Siren is null && request.Siret is null ? null : CompanyRegistration.Parse(request.Siren, request.Siret, request.VatNumber), ct)
                : await service.CreateIndividualAsync(actor, request.FirstName ?? string.Empty, request.LastName ?? string.Empty, request.Contact(), ct);
            return TypedResults.Created($"/customers/{id}", await service.GetAsync(actor, id, ct));
        }).WithSummary("Creates a customer; refuses a duplicate of an existing one (same e-mail or phone).")
            .WithRequestExample(new
            {
                kind = nameof(CustomerKind.Individual), firstName = "Camille", lastName = "Martin", email = "camille.martin@example.fr", phone = "06 12 34 56 78",
                billingAddress = new { line1 = "12 rue des Lilas", postalCode = "69003", city = "Lyon" },
            });
        customers.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            service.GetAsync(CurrentUser.Of(principal), new CustomerId(id), ct)).WithSummary("Reads a customer.");
        customers.MapPost("/{id:guid}/interests", (Guid id, InterestRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.AddInterestAsync(CurrentUser.Of(principal), new CustomerId(id), new ProductSegment(request.Segment), ct))).WithSummary("Records an interest in a product segment.")
            .WithRequestExample(new { segment = "suv" });
        customers.MapPost("/{id:guid}/consent", (Guid id, ConsentRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.GrantMarketingConsentAsync(CurrentUser.Of(principal), new CustomerId(id), request.Source, ct))).WithSummary("Records an opt-in to marketing.")
            .WithRequestExample(new { source = "website newsletter form" });
        customers.MapPut("/{id:guid}/contact", (Guid id, ContactRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.UpdateContactAsync(CurrentUser.Of(principal), new CustomerId(id), request.Contact(), ct)))
            .WithSummary("Replaces the contact details; refuses another customer's e-mail or phone (409 customer.duplicate).")
            .WithRequestExample(new { email = "camille@martin.fr", phone = "06 12 34 56 78", billingAddress = new { line1 = "3 quai Saint-Vincent", postalCode = "69001", city = "Lyon" } });
        customers.MapPut("/{id:guid}/registration", (Guid id, RegistrationRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.RegisterCompanyAsync(
                CurrentUser.Of(principal), new CustomerId(id), CompanyRegistration.Parse(request.Siren, request.Siret, request.VatNumber), ct)))
            .WithSummary("Records or replaces a company's SIREN, SIRET and VAT number (422 customer.not-a-company for a person).")
            .WithRequestExample(new { siren = "732829320", vatNumber = "FR44732829320" });
        customers.MapPut("/{id:guid}/owner", (Guid id, OwnerRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.AssignOwnerAsync(CurrentUser.Of(principal), new CustomerId(id), new UserId(request.OwnerId), ct)))
            .WithSummary("Hands the relationship to another user who may hold it (customers.write).")
            .WithRequestExample(new { ownerId = "0190f5e2-0000-7000-8000-000000000001" });
        customers.MapDelete("/{id:guid}/interests/{segment}", (Guid id, string segment, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.RemoveInterestAsync(CurrentUser.Of(principal), new CustomerId(id), new ProductSegment(segment), ct)))
            .WithSummary("Removes an interest in a product segment.");
        customers.MapPost("/{id:guid}/consent/withdrawal", (Guid id, ConsentRequest request, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.WithdrawMarketingConsentAsync(CurrentUser.Of(principal), new CustomerId(id), request.Source, ct)))
            .WithSummary("Records an opt-out of marketing; the consent history keeps both.")
            .WithRequestExample(new { source = "unsubscribe link" });
        customers.MapGet("/{id:guid}/personal-data", async (Guid id, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            TypedResults.Text(await service.ExportPersonalDataAsync(CurrentUser.Of(principal), new CustomerId(id), ct), "application/json"))
            .WithSummary("Exports everything held on the customer (right of access).");
        customers.MapDelete("/{id:guid}/personal-data", (Guid id, ClaimsPrincipal principal, CustomerService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.EraseAsync(CurrentUser.Of(principal), new CustomerId(id), ct))).WithSummary("Erases the person's data (right to erasure); issued invoices keep their snapshot.");

        var leads = app.MapGroup("/leads").WithTags("Leads").RequireAuthorization();
        leads.MapPost("/", async (CaptureLeadRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var id = await service.CaptureAsync(
                actor, request.FirstName, request.LastName, ContactDetails.Parse(request.Email, request.Phone), request.LeadSource(),
                (request.Interests ?? []).Select(i => new ProductSegment(i)), ct);
            return TypedResults.Created($"/leads/{id}", await service.GetAsync(actor, id, ct));
        }).WithSummary("Captures a lead, owned by the caller.")
            .WithRequestExample(new { firstName = "Jules", lastName = "Bernard", source = "Showroom", email = "jules.bernard@example.fr", interests = new[] { "suv" } });
        leads.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            service.GetAsync(CurrentUser.Of(principal), new LeadId(id), ct)).WithSummary("Reads a lead.");
        leads.MapPut("/{id:guid}/details", (Guid id, LeadDetailsRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.UpdateDetailsAsync(CurrentUser.Of(principal), new LeadId(id), request.FirstName, request.LastName, request.Contact(), ct)))
            .WithSummary("Corrects an open lead's name and contact details (422 lead.invalid-transition once won or lost).")
            .WithRequestExample(new { firstName = "Nina", lastName = "Roux", email = "nina.roux@example.fr", phone = "06 98 76 54 32" });
        leads.MapPost("/{id:guid}/interests", (Guid id, InterestRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.AddInterestAsync(CurrentUser.Of(principal), new LeadId(id), new ProductSegment(request.Segment), ct)))
            .WithSummary("Records an open lead's interest in a product segment.")
            .WithRequestExample(new { segment = "suv" });
        leads.MapDelete("/{id:guid}/interests/{segment}", (Guid id, string segment, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.RemoveInterestAsync(CurrentUser.Of(principal), new LeadId(id), new ProductSegment(segment), ct)))
            .WithSummary("Removes an open lead's interest in a product segment.");
        leads.MapPost("/{id:guid}/contact", (Guid id, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.ContactAsync(CurrentUser.Of(principal), new LeadId(id), ct))).WithSummary("New → Contacted.");
        leads.MapPost("/{id:guid}/qualify", (Guid id, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.QualifyAsync(CurrentUser.Of(principal), new LeadId(id), ct))).WithSummary("Contacted → Qualified.");
        leads.MapPost("/{id:guid}/offer-sent", (Guid id, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.SendOfferAsync(CurrentUser.Of(principal), new LeadId(id), ct))).WithSummary("Qualified → OfferSent.");
        leads.MapPost("/{id:guid}/lose", (Guid id, ReasonRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.LoseAsync(CurrentUser.Of(principal), new LeadId(id), request.Reason, ct))).WithSummary("Closes the lead as lost, with a reason.")
            .WithRequestExample(new { reason = "Bought a competitor's model" });
        leads.MapPost("/{id:guid}/reopen", (Guid id, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.ReopenAsync(CurrentUser.Of(principal), new LeadId(id), ct))).WithSummary("Reopens a lost lead, back to the stage it was lost from.");
        leads.MapPut("/{id:guid}/owner", (Guid id, AssignOwnerRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.AssignOwnerAsync(CurrentUser.Of(principal), new LeadId(id), new UserId(request.SalespersonId), ct)))
            .WithSummary("Hands the lead to another salesperson; the change is kept with who made it and when.")
            .WithRequestExample(new { salespersonId = "0190f5e2-0000-7000-8000-000000000001" });
        leads.MapPost("/{id:guid}/consent", (Guid id, ConsentRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.GrantMarketingConsentAsync(CurrentUser.Of(principal), new LeadId(id), request.Source, ct)))
            .WithSummary("Records the prospect's opt-in to marketing; without it no campaign reaches them.")
            .WithRequestExample(new { source = "showroom form" });
        leads.MapPost("/{id:guid}/consent/withdrawal", (Guid id, ConsentRequest request, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            Changes.NoContentAfter(service.WithdrawMarketingConsentAsync(CurrentUser.Of(principal), new LeadId(id), request.Source, ct)))
            .WithSummary("Records the prospect's opt-out; it is honoured for any record with the same e-mail or phone.")
            .WithRequestExample(new { source = "unsubscribe link" });
        leads.MapPost("/{id:guid}/win", async (Guid id, ClaimsPrincipal principal, LeadService service, CancellationToken ct) =>
            TypedResults.Ok(new { CustomerId = await service.WinAsync(CurrentUser.Of(principal), new LeadId(id), ct) }))
            .WithSummary("Wins the lead, converting it to a customer (linking an existing one with the same contact).");

        var orders = app.MapGroup("/orders").WithTags("Orders").RequireAuthorization();
        orders.MapPost("/", async (SubmitOrderRequest request, ClaimsPrincipal principal, SalesOrderService sales, CancellationToken ct) =>
        {
            var actor = CurrentUser.Of(principal);
            var approvedBy = request.ApprovedBy is { } approver ? new UserId(approver) : (UserId?)null;
            var id = await sales.SubmitFromCatalogueAsync(actor, new CustomerId(request.CustomerId), request.ToItems(), approvedBy, ct);
            return TypedResults.Created($"/orders/{id}", await sales.GetAsync(actor, id, ct));
        }).WithSummary("Records an order in the CRM; it is handed to the ERP automatically. A unit price below list beyond the caller's discount limit needs approvedBy (422 order.discount-needs-approval otherwise).")
            .WithRequestExample(new { customerId = "0190f5e2-2222-7000-8000-000000000001", lines = new[] { new { productId = "0190f5e2-1111-7000-8000-000000000001", quantity = 1 } } });
        app.MapGet("/customers/{id:guid}/orders", (Guid id, ClaimsPrincipal principal, SalesOrderService sales, CancellationToken ct) =>
            sales.ListByCustomerAsync(CurrentUser.Of(principal), new CustomerId(id), ct))
            .WithTags("Orders").RequireAuthorization().WithSummary("The customer's orders with their current status, oldest first.");
        app.MapGet("/salespeople/{id:guid}/orders", (Guid id, ClaimsPrincipal principal, SalesOrderService sales, CancellationToken ct) =>
            sales.ListBySalespersonAsync(CurrentUser.Of(principal), new UserId(id), ct))
            .WithTags("Orders").RequireAuthorization().WithSummary("The orders a salesperson recorded, with their current status, oldest first.");
        orders.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal principal, SalesOrderService sales, CancellationToken ct) =>
            sales.GetAsync(CurrentUser.Of(principal), new OrderId(id), ct)).WithSummary("The order as the CRM sees it: status and history.");
        orders.MapGet("/{id:guid}/events", (Guid id, ClaimsPrincipal principal, SalesOrderService sales, CancellationToken ct) =>
            TypedResults.ServerSentEvents(sales.WatchAsync(CurrentUser.Of(principal), new OrderId(id), ct), eventType: "status"))
            .WithSummary("Server-sent events: every status of the order, then each new one as it happens.");
    }
}
