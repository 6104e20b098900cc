using System.Text.Json.Serialization;
namespace EcoDrive.Crm;

/// <summary>Whether a <see cref="PartyRef"/> names a customer or a lead.</summary>
public enum PartyKind
{
    /// <summary>A customer: the shared record of someone who bought.</summary>
    Customer = 0,

    /// <summary>A lead: a prospect who has not bought (yet).</summary>
    Lead = 1,
}

/// <summary>
/// The person a piece of CRM work is about, whether they are a customer or still a lead: the subject of an
/// interaction, a follow-up or an offer, and the recipient of a campaign message.
/// </summary>
/// <remarks><c>default(PartyRef)</c> names nobody (<see cref="IsEmpty"/>) and is refused wherever a party is required.</remarks>
public readonly record struct PartyRef
{
    [JsonConstructor]
    private PartyRef(CustomerId? customerId, LeadId? leadId)
    {
        CustomerId = customerId;
        LeadId = leadId;
    }

    /// <summary>The customer, when <see cref="Kind"/> is <see cref="PartyKind.Customer"/>.</summary>
    public CustomerId? CustomerId { get; }

    /// <summary>The lead, when <see cref="Kind"/> is <see cref="PartyKind.Lead"/>.</summary>
    public LeadId? LeadId { get; }

    /// <summary>Customer or lead.</summary>
    public PartyKind Kind => LeadId is null ? PartyKind.Customer : PartyKind.Lead;

    /// <summary>Whether this is <c>default(PartyRef)</c>, which names nobody.</summary>
    public bool IsEmpty => CustomerId is null && LeadId is null;

    /// <summary>Names a customer.</summary>
    /// <param name="id">The customer.</param>
    public static PartyRef Customer(CustomerId id) => new(id, null);

    /// <summary>Names a lead.</summary>
    /// <param name="id">The lead.</param>
    public static PartyRef Lead(LeadId id) => new(null, id);

    /// <summary>Throws unless a party is named. For operations that require one.</summary>
    /// <param name="party">The party.</param>
    /// <param name="paramName">The parameter's name, for the error.</param>
    /// <exception cref="InvalidInputException"><paramref name="party"/> is <c>default</c>.</exception>
    public static PartyRef Require(PartyRef party, string paramName) =>
        party.IsEmpty ? throw new InvalidInputException(ErrorCodes.Input.Required, "Name a customer or a lead (PartyRef.Customer or PartyRef.Lead).", paramName) : party;

    /// <summary><c>customer 0190…</c> or <c>lead 0190…</c>; <c>nobody</c> for <c>default</c>.</summary>
    public override string ToString() =>
        IsEmpty ? "nobody" : Kind == PartyKind.Customer ? $"customer {CustomerId}" : $"lead {LeadId}";
}
