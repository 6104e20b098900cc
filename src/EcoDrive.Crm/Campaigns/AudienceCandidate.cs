using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Crm.Campaigns;

/// <summary>
/// A customer or a lead as campaign targeting sees them: what segments test (interests, kind, postal code, last
/// purchase, owner) and what audience resolution needs (contact details and latest consent statement).
/// </summary>
/// <param name="Party">The customer or lead.</param>
/// <param name="FirstName">How to greet them: the first name, or a company's name.</param>
/// <param name="Contact">Their normalised e-mail, phone and address.</param>
/// <param name="Interests">Product segments they are interested in.</param>
/// <param name="OwnerId">The salesperson who owns the relationship, if any.</param>
/// <param name="LatestConsent">Their latest marketing opt-in or opt-out, if they ever gave one.</param>
/// <param name="LastPurchaseAt">When they last purchased (from the CRM's order views); <see langword="null"/> for none or for leads.</param>
public sealed record AudienceCandidate(
    PartyRef Party,
    string FirstName,
    ContactDetails Contact,
    IReadOnlySet<ProductSegment> Interests,
    UserId? OwnerId,
    MarketingConsent? LatestConsent,
    DateTimeOffset? LastPurchaseAt)
{
    /// <summary>Whether their own latest consent statement is an opt-in.</summary>
    public bool HasMarketingConsent => LatestConsent is { Granted: true };

    /// <summary>A customer, with the time of their last purchase.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="lastPurchaseAt">When they last purchased, if ever (see <c>OrderView.LastPurchaseAt</c>).</param>
    public static AudienceCandidate FromCustomer(Customer customer, DateTimeOffset? lastPurchaseAt)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new AudienceCandidate(
            PartyRef.Customer(customer.Id),
            customer.FirstName ?? customer.DisplayName,
            new ContactDetails(customer.Email, customer.Phone, customer.BillingAddress),
            customer.Interests,
            customer.OwnerId,
            customer.ConsentHistory.Count == 0 ? null : customer.ConsentHistory[^1],
            lastPurchaseAt);
    }

    /// <summary>A lead (a prospect): no purchase yet; its own consent history counts.</summary>
    /// <param name="lead">The lead.</param>
    public static AudienceCandidate FromLead(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new AudienceCandidate(
            PartyRef.Lead(lead.Id),
            lead.FirstName,
            lead.ContactDetails,
            lead.Interests,
            lead.OwnerId,
            lead.ConsentHistory.Count == 0 ? null : lead.ConsentHistory[^1],
            null);
    }
}
