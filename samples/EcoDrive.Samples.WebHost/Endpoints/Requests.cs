using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Offers;
using EcoDrive.Erp.Invoices;
using EcoDrive.Application;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>A postal address as sent by a client.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="City">City.</param>
/// <param name="CountryCode">ISO 3166 alpha-2 country code; FR when absent.</param>
/// <param name="Line2">Optional second line.</param>
internal sealed record AddressRequest(string Line1, string PostalCode, string City, string? CountryCode = null, string? Line2 = null)
{
    public PostalAddress ToAddress() => new(Line1, PostalCode, City, CountryCode ?? "FR", Line2);
}

/// <summary>A new customer: a person (first and last name) or a company (legal name, optional SIREN/SIRET/VAT number).</summary>
internal sealed record CreateCustomerRequest(
    CustomerKind Kind,
    string? FirstName = null,
    string? LastName = null,
    string? LegalName = null,
    string? Email = null,
    string? Phone = null,
    AddressRequest? BillingAddress = null,
    string? Siren = null,
    string? Siret = null,
    string? VatNumber = null)
{
    public ContactDetails Contact() => ContactDetails.Parse(Email, Phone, BillingAddress?.ToAddress());
}

/// <summary>A customer's new contact details; they replace the old ones, so a detail left out is removed.</summary>
internal sealed record ContactRequest(string? Email = null, string? Phone = null, AddressRequest? BillingAddress = null)
{
    public ContactDetails Contact() => ContactDetails.Parse(Email, Phone, BillingAddress?.ToAddress());
}

/// <summary>A company's SIREN, and its SIRET and VAT number when known.</summary>
internal sealed record RegistrationRequest(string Siren, string? Siret = null, string? VatNumber = null);

/// <summary>The user who takes over a customer relationship.</summary>
internal sealed record OwnerRequest(Guid OwnerId);

/// <summary>A product segment the customer is interested in.</summary>
internal sealed record InterestRequest(string Segment);

/// <summary>Where a marketing consent was collected.</summary>
internal sealed record ConsentRequest(string Source);

/// <summary>A new lead.</summary>
internal sealed record CaptureLeadRequest(
    string FirstName, string LastName, LeadChannel Source, string? Email = null, string? Phone = null, Guid? CampaignId = null, string[]? Interests = null)
{
    public LeadSource LeadSource() => Source == LeadChannel.Campaign
        ? Crm.Leads.LeadSource.FromCampaign(new CampaignId(CampaignId ?? Guid.Empty))
        : Crm.Leads.LeadSource.From(Source);
}

/// <summary>An open lead's corrected name and contact details; they replace the old ones.</summary>
internal sealed record LeadDetailsRequest(string FirstName, string LastName, string? Email = null, string? Phone = null)
{
    public ContactDetails Contact() => ContactDetails.Parse(Email, Phone);
}

/// <summary>Why a lead was lost or an order cancelled.</summary>
internal sealed record ReasonRequest(string Reason);

/// <summary>A new product of the catalogue.</summary>
internal sealed record AddProductRequest(string Name, string Segment, Money ListPrice, decimal VatRatePercent, int ReorderPoint = 0);

/// <summary>Units received into stock.</summary>
internal sealed record ReceiveStockRequest(int Quantity);

/// <summary>One line of an order: a product and a quantity, at the catalogue price unless an agreed unit price is given.</summary>
internal sealed record OrderLineRequest(Guid ProductId, int Quantity, Money? UnitPrice = null);

/// <summary>A new order for a customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Lines">What is ordered; at least one line.</param>
/// <param name="ApprovedBy">
/// Who approved a unit price further below list than the caller's discount limit (EcoDrive:Pricing): a user holding
/// <c>prices.approve</c> whose own limit covers it.
/// </param>
internal sealed record SubmitOrderRequest(Guid CustomerId, OrderLineRequest[] Lines, Guid? ApprovedBy = null)
{
    public IReadOnlyList<OrderItem> ToItems()
    {
        ArgumentNullException.ThrowIfNull(Lines, "lines");
        return [.. Lines.Select((line, i) => line is null ? throw new ArgumentException("A line cannot be null.", $"lines[{i}]") : new OrderItem(new ProductId(line.ProductId), line.Quantity, line.UnitPrice))];
    }
}

/// <summary>A payment received against an invoice.</summary>
internal sealed record RecordPaymentRequest(Money Amount, string? Reference = null);

/// <summary>A lead's new owner.</summary>
/// <param name="SalespersonId">The salesperson who takes the lead over.</param>
internal sealed record AssignOwnerRequest(Guid SalespersonId);

/// <summary>Something that happened with a customer or a lead.</summary>
/// <param name="Kind">Call, e-mail, visit, test drive or meeting.</param>
/// <param name="Note">What was said or agreed, if anything.</param>
/// <param name="At">When it happened; now when absent (interactions are often logged afterwards).</param>
internal sealed record LogInteractionRequest(InteractionKind Kind, string? Note = null, DateTimeOffset? At = null);

/// <summary>A follow-up (relance) to plan.</summary>
/// <param name="DueAt">When it is due.</param>
/// <param name="Purpose">What to do.</param>
/// <param name="AssigneeId">The salesperson who must do it; the caller when absent.</param>
internal sealed record ScheduleFollowUpRequest(DateTimeOffset DueAt, string Purpose, Guid? AssigneeId = null);

/// <summary>What came of a follow-up.</summary>
/// <param name="Outcome">The outcome, if noted.</param>
internal sealed record CompleteFollowUpRequest(string? Outcome = null);

/// <summary>A follow-up's new due time.</summary>
/// <param name="DueAt">The new due time.</param>
/// <param name="Reason">Why it moves, if given.</param>
internal sealed record RescheduleFollowUpRequest(DateTimeOffset DueAt, string? Reason = null);

/// <summary>One line of an offer: a catalogue product, a quantity and at most one discount on each unit.</summary>
/// <param name="ProductId">The product; its name, list price and VAT rate come from the catalogue.</param>
/// <param name="Quantity">How many units; at least one.</param>
/// <param name="DiscountPercent">Percentage off each unit (above 0, at most 100).</param>
/// <param name="DiscountPerUnit">Amount off each unit, in the price's currency.</param>
internal sealed record OfferItemRequest(Guid ProductId, int Quantity, decimal? DiscountPercent = null, Money? DiscountPerUnit = null)
{
    public OfferItem ToItem(string field) => new(
        new ProductId(ProductId),
        Quantity,
        (DiscountPercent, DiscountPerUnit) switch
        {
            (null, null) => Discount.None,
            ({ } percent, null) => Discount.Percent(percent),
            (null, { } amount) => Discount.PerUnit(amount),
            _ => throw new ArgumentException("Give discountPercent or discountPerUnit, not both.", field),
        });
}

/// <summary>A new offer (quote) for a customer or a lead.</summary>
/// <param name="Items">Products, quantities and discounts; at least one.</param>
/// <param name="ValidUntil">The last moment at which it can be accepted; in the future.</param>
/// <param name="ApprovedBy">Who approved a discount beyond the caller's limit (EcoDrive:Pricing): a user holding <c>prices.approve</c> whose limit covers it.</param>
internal sealed record DraftOfferRequest(OfferItemRequest[] Items, DateTimeOffset ValidUntil, Guid? ApprovedBy = null)
{
    public IReadOnlyList<OfferItem> ToItems()
    {
        ArgumentNullException.ThrowIfNull(Items, "items");
        return [.. Items.Select((item, i) => item.ToItem($"items[{i}]"))];
    }
}

/// <summary>What a campaign says: templates that may use {firstName}, {model} and {offer}.</summary>
/// <param name="Body">The body template.</param>
/// <param name="Subject">The subject template; required for e-mail, absent for SMS.</param>
/// <param name="Model">The value of {model}, if the campaign promotes a model.</param>
/// <param name="Offer">The value of {offer}, if the campaign carries an offer.</param>
internal sealed record CampaignMessageRequest(string Body, string? Subject = null, string? Model = null, string? Offer = null)
{
    public CampaignMessage ToMessage() => CampaignMessage.Create(Subject, Body, Model, Offer);
}

/// <summary>A new campaign: who it targets, on which channel, and what it says.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Segment">Who it targets (criteria combined with and/or).</param>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="Message">What it says.</param>
internal sealed record CreateCampaignRequest(string Name, SegmentRequest Segment, CampaignChannel Channel, CampaignMessageRequest Message);

/// <summary>A supplier to order from.</summary>
/// <param name="Supplier">The supplier's name.</param>
internal sealed record SupplierRequest(string Supplier);

/// <summary>Units of a product, ordered from or delivered by a supplier.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units; at least one.</param>
internal sealed record ProductQuantityRequest(Guid ProductId, int Quantity);

/// <summary>A correction of the stock on hand.</summary>
/// <param name="Change">Units added (positive) or removed (negative); not zero.</param>
/// <param name="Reason">Why (inventory count, damage…); required.</param>
internal sealed record AdjustStockRequest(int Change, string Reason);

/// <summary>A product's new reorder point.</summary>
/// <param name="ReorderPoint">Zero or more.</param>
internal sealed record ReorderPointRequest(int ReorderPoint);

/// <summary>A product's new list price.</summary>
/// <param name="ListPrice">Price of one unit, VAT excluded.</param>
internal sealed record ListPriceRequest(Money ListPrice);

/// <summary>How to issue an invoice; every member is optional.</summary>
/// <param name="PaymentDays">Days after the issue date until it is due; the configured terms when absent.</param>
/// <param name="EndOfMonth">Whether the due date then moves to the end of its month ("45 jours fin de mois").</param>
/// <param name="CustomerVatNumber">The customer's intra-EU VAT number, only for a foreign company whose record does not hold it.</param>
internal sealed record IssueInvoiceRequest(int? PaymentDays = null, bool EndOfMonth = false, string? CustomerVatNumber = null)
{
    public PaymentTerms? Terms() => PaymentDays is { } days ? new PaymentTerms(days, EndOfMonth) : null;
}

/// <summary>What to credit of one invoice line.</summary>
/// <param name="InvoiceLine">The invoice line, numbered from 1 as printed.</param>
/// <param name="Quantity">Units credited (a returned vehicle); at least one.</param>
/// <param name="UnitPrice">Amount credited per unit, VAT excluded; the invoiced unit price when absent, less for a price reduction.</param>
internal sealed record CreditLineRequest(int InvoiceLine, int Quantity, Money? UnitPrice = null);

/// <summary>A credit note against an invoice: everything not credited yet, or the lines given.</summary>
/// <param name="Reason">Why; required.</param>
/// <param name="Lines">What to credit per invoice line; everything left when absent.</param>
internal sealed record CreditNoteRequest(string Reason, CreditLineRequest[]? Lines = null)
{
    public IReadOnlyList<CreditLine>? ToLines() => Lines?.Select(l => new CreditLine(l.InvoiceLine, l.Quantity, l.UnitPrice)).ToArray();
}
