using EcoDrive.Core.Customers;
using EcoDrive.Crm.Campaigns;

namespace EcoDrive.Crm.Tests.Campaigns;

/// <summary>Builds audience candidates for segment and audience tests.</summary>
internal static class CampaignCandidates
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static AudienceCandidate Customer(
        string firstName, string? email, ProductSegment? interest = null, bool? consent = null, string? phone = null,
        string postalCode = "69003", UserId? owner = null, DateTimeOffset? lastPurchase = null) =>
        new(
            PartyRef.Customer(CustomerId.New()), firstName, Contact(email, phone, postalCode),
            Interests(interest), owner, Consent(consent), lastPurchase);

    public static AudienceCandidate Lead(
        string firstName, string? email, ProductSegment? interest = null, bool? consent = null, string? phone = null, DateTimeOffset? consentAt = null) =>
        new(
            PartyRef.Lead(LeadId.New()), firstName, Contact(email, phone, null),
            Interests(interest), null, Consent(consent, consentAt), null);

    private static ContactDetails Contact(string? email, string? phone, string? postalCode) =>
        ContactDetails.Parse(email, phone, postalCode is null ? null : new PostalAddress("1 rue de la Paix", postalCode, "Lyon"));

    private static HashSet<ProductSegment> Interests(ProductSegment? interest) => interest is { } segment ? [segment] : [];

    private static MarketingConsent? Consent(bool? granted, DateTimeOffset? at = null) =>
        granted is { } value ? new MarketingConsent(value, at ?? Start, "form") : null;
}
