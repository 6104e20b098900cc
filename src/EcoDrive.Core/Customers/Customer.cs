using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoDrive.Core.Customers;

/// <summary>
/// The one customer record that sales (CRM) and accounting (ERP) share: identity, contact details, billing
/// address, interests, owner and marketing consent history.
/// </summary>
/// <remarks>
/// Changes only through its methods. Incompleteness is a query (<see cref="Completeness"/>), never a crash. A person
/// can ask for everything held on them (<see cref="ExportPersonalData"/>) and to be forgotten (<see cref="Erase"/>):
/// contact data is anonymised while issued invoices keep their own snapshot of the billing identity (legal retention).
/// </remarks>
public sealed class Customer : AggregateRoot
{
    private readonly HashSet<ProductSegment> _interests;
    private readonly List<MarketingConsent> _consentHistory;

    private Customer(CustomerSnapshot snapshot)
    {
        Id = snapshot.Id;
        Kind = snapshot.Kind;
        FirstName = snapshot.FirstName;
        LastName = snapshot.LastName;
        CompanyName = snapshot.CompanyName;
        Email = snapshot.Email;
        Phone = snapshot.Phone;
        BillingAddress = snapshot.BillingAddress;
        OwnerId = snapshot.OwnerId;
        CreatedAt = snapshot.CreatedAt;
        Registration = snapshot.Registration;
        ErasedAt = snapshot.ErasedAt;
        _interests = [.. snapshot.Interests];
        _consentHistory = [.. snapshot.ConsentHistory];
    }

    /// <summary>Identity of the customer.</summary>
    public CustomerId Id { get; }

    /// <summary>Person or company.</summary>
    public CustomerKind Kind { get; }

    /// <summary>First name of a person; <see langword="null"/> for a company.</summary>
    public string? FirstName { get; private set; }

    /// <summary>Last name of a person; <see langword="null"/> for a company.</summary>
    public string? LastName { get; private set; }

    /// <summary>Legal name of a company; <see langword="null"/> for a person.</summary>
    public string? CompanyName { get; }

    /// <summary>The name to show and to print: "First Last" or the company's legal name.</summary>
    public string DisplayName => Kind == CustomerKind.Company ? CompanyName! : $"{FirstName} {LastName}";

    /// <summary>Normalised e-mail address, if known.</summary>
    public EmailAddress? Email { get; private set; }

    /// <summary>Phone number in E.164 form, if known.</summary>
    public PhoneNumber? Phone { get; private set; }

    /// <summary>Billing address, required to invoice.</summary>
    public PostalAddress? BillingAddress { get; private set; }

    /// <summary>The salesperson who owns the relationship, if any.</summary>
    public UserId? OwnerId { get; private set; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>A company's SIREN, SIRET and VAT number, when known; always <see langword="null"/> for a person.</summary>
    public CompanyRegistration? Registration { get; private set; }

    /// <summary>When the person's data was erased; <see langword="null"/> while it is held.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Whether the person's data was erased (<see cref="Erase"/>).</summary>
    public bool IsErased => ErasedAt is not null;

    /// <summary>Product segments the customer is interested in (targets campaigns).</summary>
    public IReadOnlySet<ProductSegment> Interests => _interests;

    /// <summary>Every opt-in and opt-out, oldest first.</summary>
    public IReadOnlyList<MarketingConsent> ConsentHistory => _consentHistory;

    /// <summary>Whether the customer may receive marketing now: their latest consent change is an opt-in (never after erasure).</summary>
    public bool HasMarketingConsent => !IsErased && _consentHistory.Count > 0 && _consentHistory[^1].Granted;

    /// <summary>What is missing to contact and to invoice the customer.</summary>
    public CustomerCompleteness Completeness => CustomerCompleteness.Of(this);

    /// <summary>Creates a private person.</summary>
    /// <param name="id">Identity of the new customer.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="contact">Contact details; parts may be missing.</param>
    /// <param name="createdAt">Creation time.</param>
    /// <exception cref="InvalidInputException">A name is blank, longer than <see cref="Limits.MaxNameLength"/> or holds a control character.</exception>
    public static Customer CreateIndividual(CustomerId id, string firstName, string lastName, ContactDetails contact, DateTimeOffset createdAt)
    {
        firstName = FreeText.Require(firstName);
        lastName = FreeText.Require(lastName);
        ArgumentNullException.ThrowIfNull(contact);
        return new Customer(new CustomerSnapshot(
            id, CustomerKind.Individual, firstName, lastName, null,
            contact.Email, contact.Phone, contact.BillingAddress, null, createdAt, [], []));
    }

    /// <summary>Creates a company.</summary>
    /// <param name="id">Identity of the new customer.</param>
    /// <param name="legalName">The company's legal name.</param>
    /// <param name="contact">Contact details; parts may be missing.</param>
    /// <param name="createdAt">Creation time.</param>
    /// <param name="registration">SIREN, SIRET and VAT number, when known (needed on invoices to companies).</param>
    /// <exception cref="InvalidInputException"><paramref name="legalName"/> is blank, longer than <see cref="Limits.MaxNameLength"/> or holds a control character.</exception>
    public static Customer CreateCompany(CustomerId id, string legalName, ContactDetails contact, DateTimeOffset createdAt, CompanyRegistration? registration = null)
    {
        legalName = FreeText.Require(legalName);
        ArgumentNullException.ThrowIfNull(contact);
        return new Customer(new CustomerSnapshot(
            id, CustomerKind.Company, null, null, legalName,
            contact.Email, contact.Phone, contact.BillingAddress, null, createdAt, [], [], registration));
    }

    /// <summary>Rebuilds a customer from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Customer FromSnapshot(CustomerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Customer(snapshot);
    }

    /// <summary>The customer's whole state as an immutable value. For storage adapters and privacy export.</summary>
    public CustomerSnapshot ToSnapshot() => new(
        Id, Kind, FirstName, LastName, CompanyName, Email, Phone, BillingAddress, OwnerId, CreatedAt,
        [.. _interests.OrderBy(s => s.Code, StringComparer.Ordinal)], [.. _consentHistory], Registration, ErasedAt);

    /// <summary>
    /// Everything held on the customer in this record, as indented JSON (the right of access): identity, contact
    /// details, billing address, registration, interests, owner, consent history, completeness.
    /// </summary>
    /// <param name="exportedAt">When the export is made; written into it.</param>
    public string ExportPersonalData(DateTimeOffset exportedAt) =>
        JsonSerializer.Serialize(new CustomerDataExport(exportedAt, ToSnapshot(), HasMarketingConsent, Completeness), EcoDriveJson.Indented);

    /// <summary>
    /// Forgets the person (the right to erasure): names of a person become <c>erased</c>; e-mail, phone, billing
    /// address, interests and consent history are removed. The record itself stays so that orders and issued
    /// invoices — which keep their own billing snapshot, as the law requires — still point somewhere. Erasing twice
    /// changes nothing.
    /// </summary>
    /// <param name="at">When the data was erased.</param>
    public void Erase(DateTimeOffset at)
    {
        if (IsErased)
        {
            return;
        }

        if (Kind == CustomerKind.Individual)
        {
            FirstName = ErasedName;
            LastName = ErasedName;
        }

        Email = null;
        Phone = null;
        BillingAddress = null;
        _interests.Clear();
        _consentHistory.Clear();
        ErasedAt = at;
    }

    /// <summary>Records a company's SIREN, SIRET and VAT number.</summary>
    /// <param name="registration">The registration.</param>
    /// <exception cref="DomainException"><c>customer.not-a-company</c>: the customer is a person; <c>customer.erased</c>: the customer's data was erased.</exception>
    public void Register(CompanyRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (Kind != CustomerKind.Company)
        {
            throw new DomainException(ErrorCodes.Customer.NotACompany, $"Customer {Id} is a person; only a company has a SIREN, a SIRET and a VAT number.");
        }

        EnsureNotErased();
        Registration = registration;
    }

    /// <summary>Records an interest in a product segment; recording it twice changes nothing.</summary>
    /// <param name="segment">The segment.</param>
    /// <exception cref="DomainException"><c>customer.erased</c>: the customer's data was erased.</exception>
    public void AddInterest(ProductSegment segment)
    {
        EnsureNotErased();
        _interests.Add(segment);
    }

    /// <summary>Removes an interest in a product segment; removing one the customer does not have changes nothing.</summary>
    /// <param name="segment">The segment.</param>
    /// <exception cref="DomainException"><c>customer.erased</c>: the customer's data was erased.</exception>
    public void RemoveInterest(ProductSegment segment)
    {
        EnsureNotErased();
        _interests.Remove(segment);
    }

    /// <summary>Makes <paramref name="salespersonId"/> the owner of the relationship.</summary>
    /// <param name="salespersonId">The salesperson.</param>
    public void AssignOwner(UserId salespersonId) => OwnerId = salespersonId;

    /// <summary>Replaces the contact details (e-mail, phone, billing address).</summary>
    /// <param name="contact">The new details.</param>
    /// <exception cref="DomainException"><c>customer.erased</c>: the customer's data was erased.</exception>
    public void UpdateContact(ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        EnsureNotErased();
        Email = contact.Email;
        Phone = contact.Phone;
        BillingAddress = contact.BillingAddress;
    }

    /// <summary>Records an opt-in to marketing.</summary>
    /// <param name="at">When the customer opted in.</param>
    /// <param name="source">Where the consent was collected.</param>
    /// <exception cref="DomainException"><c>customer.erased</c>: the customer's data was erased.</exception>
    public void GrantMarketingConsent(DateTimeOffset at, string source)
    {
        source = FreeText.Require(source);
        EnsureNotErased();
        _consentHistory.Add(new MarketingConsent(true, at, source));
    }

    /// <summary>Records an opt-out of marketing.</summary>
    /// <param name="at">When the customer opted out.</param>
    /// <param name="source">Where the opt-out was received.</param>
    public void WithdrawMarketingConsent(DateTimeOffset at, string source)
    {
        source = FreeText.Require(source);
        _consentHistory.Add(new MarketingConsent(false, at, source));
    }

    /// <summary>Whether this customer has the same normalised e-mail or phone as <paramref name="contact"/>.</summary>
    /// <param name="contact">Contact details to compare.</param>
    public bool SharesContactWith(ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return (Email is not null && Email == contact.Email) || (Phone is not null && Phone == contact.Phone);
    }

    private const string ErasedName = "erased";

    private void EnsureNotErased()
    {
        if (IsErased)
        {
            throw new DomainException(ErrorCodes.Customer.Erased, $"Customer {Id}'s personal data was erased on {ErasedAt:yyyy-MM-dd}; it cannot be changed. Create a new customer if the person comes back.");
        }
    }
}

/// <summary>The stored state of a <see cref="Customer"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="FirstName">First name of a person.</param>
/// <param name="LastName">Last name of a person.</param>
/// <param name="CompanyName">Legal name of a company.</param>
/// <param name="Email">Normalised e-mail address.</param>
/// <param name="Phone">E.164 phone number.</param>
/// <param name="BillingAddress">Billing address.</param>
/// <param name="OwnerId">Owning salesperson.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Interests">Product segments of interest, by code.</param>
/// <param name="ConsentHistory">Marketing consent changes, oldest first.</param>
/// <param name="Registration">A company's SIREN, SIRET and VAT number.</param>
/// <param name="ErasedAt">When the person's data was erased.</param>
public sealed record CustomerSnapshot(
    CustomerId Id,
    CustomerKind Kind,
    string? FirstName,
    string? LastName,
    string? CompanyName,
    EmailAddress? Email,
    PhoneNumber? Phone,
    PostalAddress? BillingAddress,
    UserId? OwnerId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ProductSegment> Interests,
    IReadOnlyList<MarketingConsent> ConsentHistory,
    CompanyRegistration? Registration = null,
    DateTimeOffset? ErasedAt = null)
{
    /// <summary>
    /// Whether this copy was read by someone without <c>customers.read-contact</c>, so that its contact details
    /// (<see cref="Email"/>, <see cref="Phone"/>, <see cref="BillingAddress"/>) were withheld: they are then
    /// <see langword="null"/> whatever the record holds. <see langword="false"/> on the stored record, where
    /// <see langword="null"/> means unknown; left out of JSON when <see langword="false"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ContactRedacted { get; init; }

    /// <summary>This copy without its contact details, marked <see cref="ContactRedacted"/>, for a reader who may not see them.</summary>
    public CustomerSnapshot WithoutContactDetails() => this with { Email = null, Phone = null, BillingAddress = null, ContactRedacted = true };
}

/// <summary>What <see cref="Customer.ExportPersonalData"/> writes.</summary>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Customer">The whole customer record.</param>
/// <param name="MarketingConsentNow">Whether the customer may receive marketing at the time of export.</param>
/// <param name="Completeness">What the record lacks for contact and invoicing.</param>
public sealed record CustomerDataExport(DateTimeOffset ExportedAt, CustomerSnapshot Customer, bool MarketingConsentNow, CustomerCompleteness Completeness);
