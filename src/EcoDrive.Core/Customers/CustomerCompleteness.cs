namespace EcoDrive.Core.Customers;

/// <summary>What a customer record lacks: for contacting them, and for invoicing them.</summary>
/// <param name="MissingForContact">Fields missing to contact the customer (empty when reachable).</param>
/// <param name="MissingForInvoicing">Fields missing to issue them an invoice (empty when complete).</param>
public sealed record CustomerCompleteness(IReadOnlyList<string> MissingForContact, IReadOnlyList<string> MissingForInvoicing)
{
    /// <summary>Whether the customer can be reached by e-mail or phone.</summary>
    public bool CanBeContacted => MissingForContact.Count == 0;

    /// <summary>Whether the customer has what an invoice needs.</summary>
    public bool CanBeInvoiced => MissingForInvoicing.Count == 0;

    internal static CustomerCompleteness Of(Customer customer)
    {
        var forContact = customer.Email is null && customer.Phone is null ? new[] { "email or phone" } : [];
        var forInvoicing = customer.BillingAddress is null ? new[] { "billing address" } : [];
        return new CustomerCompleteness(forContact, forInvoicing);
    }
}
