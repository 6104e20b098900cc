using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Application;

/// <summary>
/// Field-level access, in one place: what a reader may see of customers' and leads' contact details (e-mail, phone,
/// billing address). Every read of the application services that returns a customer or a lead passes it through
/// <see cref="Apply(CustomerSnapshot)"/> or <see cref="Apply(LeadSnapshot)"/>; a reader without
/// <c>customers.read-contact</c> gets the record with its contact details withheld and marked <c>ContactRedacted</c>.
/// </summary>
/// <remarks>
/// Invoices and credit notes are not redacted: they are legal documents whose billing identity is part of what was
/// issued, and only holders of <c>invoices.issue</c> or <c>payments.record</c> read them. The personal-data export
/// needs <c>customers.read-contact</c> outright.
/// </remarks>
internal readonly struct ContactRedaction
{
    private ContactRedaction(bool contactVisible) => ContactVisible = contactVisible;

    /// <summary>Whether the reader sees contact details.</summary>
    public bool ContactVisible { get; }

    /// <summary>The redaction that applies to <paramref name="reader"/> under <paramref name="access"/>.</summary>
    public static ContactRedaction For(User reader, IAccessPolicy access)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(access);
        return new(access.IsGranted(reader, Permissions.CustomersReadContact));
    }

    /// <summary>The customer as the reader may see it.</summary>
    public CustomerSnapshot Apply(CustomerSnapshot customer) => ContactVisible ? customer : customer.WithoutContactDetails();

    /// <summary>The lead as the reader may see it.</summary>
    public LeadSnapshot Apply(LeadSnapshot lead) => ContactVisible ? lead : lead.WithoutContactDetails();
}
