using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

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

/// <summary>Why a lead was lost or an order cancelled.</summary>
internal sealed record ReasonRequest(string Reason);

/// <summary>A new product of the catalogue.</summary>
internal sealed record AddProductRequest(string Name, string Segment, Money ListPrice, decimal VatRatePercent, int ReorderPoint = 0);

/// <summary>Units received into stock.</summary>
internal sealed record ReceiveStockRequest(int Quantity);

/// <summary>One line of an order: a product and a quantity, at the catalogue price unless an agreed unit price is given.</summary>
internal sealed record OrderLineRequest(Guid ProductId, int Quantity, Money? UnitPrice = null);

/// <summary>A new order for a customer.</summary>
internal sealed record SubmitOrderRequest(Guid CustomerId, OrderLineRequest[] Lines);

/// <summary>A payment received against an invoice.</summary>
internal sealed record RecordPaymentRequest(Money Amount, string? Reference = null);
