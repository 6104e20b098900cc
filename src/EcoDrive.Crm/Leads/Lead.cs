using System.Text.Json.Serialization;
using EcoDrive.Core.Customers;

namespace EcoDrive.Crm.Leads;

/// <summary>
/// A prospect in the sales pipeline. It moves <c>New → Contacted → Qualified → OfferSent → Won | Lost</c> through
/// its methods only; each move is timestamped with its actor and kept in <see cref="History"/>. A lead can be won
/// from <see cref="LeadStage.Qualified"/> or <see cref="LeadStage.OfferSent"/>, lost from any open stage, and a lost
/// lead comes back only through <see cref="Reopen"/>, to the stage it was lost from. Owner changes are kept with
/// their actor and time too, and the lead has its own marketing consent history (a lead is not a customer yet).
/// </summary>
public sealed class Lead : AggregateRoot
{
    private static readonly TransitionTable<LeadStage> s_moves = new(
        ErrorCodes.Lead.InvalidTransition,
        (LeadStage.New, nameof(Contact), LeadStage.Contacted),
        (LeadStage.Contacted, nameof(Qualify), LeadStage.Qualified),
        (LeadStage.Qualified, nameof(SendOffer), LeadStage.OfferSent),
        (LeadStage.Qualified, nameof(Win), LeadStage.Won),
        (LeadStage.OfferSent, nameof(Win), LeadStage.Won),
        (LeadStage.New, nameof(Lose), LeadStage.Lost),
        (LeadStage.Contacted, nameof(Lose), LeadStage.Lost),
        (LeadStage.Qualified, nameof(Lose), LeadStage.Lost),
        (LeadStage.OfferSent, nameof(Lose), LeadStage.Lost),

        // Reopening goes back to the stage the lead was lost from, which its history knows; the table only allows it.
        (LeadStage.Lost, nameof(Reopen), LeadStage.Lost));

    private readonly HashSet<ProductSegment> _interests;
    private readonly List<LeadStageChange> _history;
    private readonly List<LeadOwnerChange> _ownerHistory;
    private readonly List<MarketingConsent> _consentHistory;

    private Lead(LeadSnapshot snapshot)
    {
        Id = snapshot.Id;
        FirstName = snapshot.FirstName;
        LastName = snapshot.LastName;
        ContactDetails = snapshot.Contact;
        Source = snapshot.Source;
        OwnerId = snapshot.OwnerId;
        CreatedAt = snapshot.CreatedAt;
        Stage = snapshot.Stage;
        LostReason = snapshot.LostReason;
        CustomerId = snapshot.CustomerId;
        _interests = [.. snapshot.Interests];
        _history = [.. snapshot.History];
        _ownerHistory = [.. snapshot.OwnerHistory];
        _consentHistory = [.. snapshot.ConsentHistory];
    }

    /// <summary>Identity of the lead.</summary>
    public LeadId Id { get; }

    /// <summary>First name of the prospect.</summary>
    public string FirstName { get; private set; }

    /// <summary>Last name of the prospect.</summary>
    public string LastName { get; private set; }

    /// <summary>How to reach the prospect.</summary>
    public ContactDetails ContactDetails { get; private set; }

    /// <summary>Where the lead came from.</summary>
    public LeadSource Source { get; }

    /// <summary>The salesperson following the lead, if assigned.</summary>
    public UserId? OwnerId { get; private set; }

    /// <summary>When the lead was captured.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Current stage.</summary>
    public LeadStage Stage { get; private set; }

    /// <summary>Why the lead was lost, while it is <see cref="LeadStage.Lost"/>.</summary>
    public string? LostReason { get; private set; }

    /// <summary>The customer the lead became, once <see cref="LeadStage.Won"/>.</summary>
    public CustomerId? CustomerId { get; private set; }

    /// <summary>Product segments the prospect is interested in.</summary>
    public IReadOnlySet<ProductSegment> Interests => _interests;

    /// <summary>Every move through the pipeline, oldest first.</summary>
    public IReadOnlyList<LeadStageChange> History => _history;

    /// <summary>Every change of owner, oldest first.</summary>
    public IReadOnlyList<LeadOwnerChange> OwnerHistory => _ownerHistory;

    /// <summary>Every marketing opt-in and opt-out of the prospect, oldest first.</summary>
    public IReadOnlyList<MarketingConsent> ConsentHistory => _consentHistory;

    /// <summary>Whether the prospect may receive marketing now: their latest consent change is an opt-in.</summary>
    public bool HasMarketingConsent => _consentHistory.Count > 0 && _consentHistory[^1].Granted;

    /// <summary>Whether the lead is still being worked (neither won nor lost).</summary>
    public bool IsOpen => Stage is not (LeadStage.Won or LeadStage.Lost);

    /// <summary>Captures a new lead in stage <see cref="LeadStage.New"/>.</summary>
    /// <param name="id">Identity of the lead.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="contact">How to reach them.</param>
    /// <param name="source">Where they came from.</param>
    /// <param name="interests">Product segments they are interested in.</param>
    /// <param name="ownerId">The salesperson following them, if known.</param>
    /// <param name="createdAt">When the lead was captured.</param>
    /// <exception cref="InvalidInputException">A name is blank, longer than <see cref="Limits.MaxNameLength"/> or holds a control character.</exception>
    public static Lead Capture(
        LeadId id, string firstName, string lastName, ContactDetails contact, LeadSource source,
        IEnumerable<ProductSegment> interests, UserId? ownerId, DateTimeOffset createdAt)
    {
        firstName = FreeText.Require(firstName);
        lastName = FreeText.Require(lastName);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(interests);
        return new Lead(new LeadSnapshot(
            id, firstName, lastName, contact, source, ownerId, createdAt,
            LeadStage.New, null, null, [.. interests.Distinct()], [], [], []));
    }

    /// <summary>Rebuilds a lead from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Lead FromSnapshot(LeadSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Lead(snapshot);
    }

    /// <summary>The lead's whole state as an immutable value. For storage adapters.</summary>
    public LeadSnapshot ToSnapshot() => new(
        Id, FirstName, LastName, ContactDetails, Source, OwnerId, CreatedAt, Stage, LostReason, CustomerId,
        [.. _interests.OrderBy(s => s.Code, StringComparer.Ordinal)], [.. _history], [.. _ownerHistory], [.. _consentHistory]);

    /// <summary>Records that a salesperson reached the prospect: <c>New → Contacted</c>.</summary>
    /// <param name="actor">Who contacted them.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The lead is not <see cref="LeadStage.New"/>.</exception>
    public void Contact(UserId actor, DateTimeOffset at) => Move(nameof(Contact), actor, at, null);

    /// <summary>Records that the prospect's need fits: <c>Contacted → Qualified</c>.</summary>
    /// <param name="actor">Who qualified them.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The lead is not <see cref="LeadStage.Contacted"/>.</exception>
    public void Qualify(UserId actor, DateTimeOffset at) => Move(nameof(Qualify), actor, at, null);

    /// <summary>Records that a personalised offer was sent: <c>Qualified → OfferSent</c>.</summary>
    /// <param name="actor">Who sent it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The lead is not <see cref="LeadStage.Qualified"/>.</exception>
    public void SendOffer(UserId actor, DateTimeOffset at) => Move(nameof(SendOffer), actor, at, null);

    /// <summary>
    /// Records that the prospect bought and links the lead to <paramref name="customerId"/>: the customer created from
    /// it, or the existing customer with the same contact details (never a duplicate).
    /// </summary>
    /// <param name="customerId">The customer the lead became.</param>
    /// <param name="actor">Who won it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The lead is neither <see cref="LeadStage.Qualified"/> nor <see cref="LeadStage.OfferSent"/>.</exception>
    public void Win(CustomerId customerId, UserId actor, DateTimeOffset at)
    {
        Move(nameof(Win), actor, at, null);
        CustomerId = customerId;
    }

    /// <summary>Records that the prospect will not buy.</summary>
    /// <param name="reason">Why (price, timing, competitor…); required.</param>
    /// <param name="actor">Who closed it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    /// <exception cref="InvalidTransitionException">The lead is already won or lost.</exception>
    public void Lose(string reason, UserId actor, DateTimeOffset at)
    {
        reason = FreeText.Require(reason);
        Move(nameof(Lose), actor, at, reason);
        LostReason = reason;
    }

    /// <summary>Reopens a lost lead, back to the stage it was lost from.</summary>
    /// <param name="actor">Who reopened it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">The lead is not <see cref="LeadStage.Lost"/>.</exception>
    public void Reopen(UserId actor, DateTimeOffset at)
    {
        _ = s_moves.Next(Stage, nameof(Reopen), Id.ToString());
        Record(_history[^1].From, actor, at, null);
        LostReason = null;
    }

    /// <summary>Makes <paramref name="salespersonId"/> the lead's owner and records who changed it and when.</summary>
    /// <param name="salespersonId">The new owner.</param>
    /// <param name="actor">Who assigned the lead.</param>
    /// <param name="at">When.</param>
    /// <returns><see langword="false"/> when <paramref name="salespersonId"/> already owns the lead (nothing changes).</returns>
    public bool AssignOwner(UserId salespersonId, UserId actor, DateTimeOffset at)
    {
        if (OwnerId == salespersonId)
        {
            return false;
        }

        _ownerHistory.Add(new LeadOwnerChange(OwnerId, salespersonId, at, actor));
        OwnerId = salespersonId;
        return true;
    }

    /// <summary>Corrects the prospect's name and contact details while the lead is open.</summary>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="contact">The contact details; they replace the old ones.</param>
    /// <exception cref="InvalidInputException">A name is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    /// <exception cref="InvalidTransitionException"><c>lead.invalid-transition</c>: the lead is won or lost (a won lead's details live on its customer).</exception>
    public void UpdateDetails(string firstName, string lastName, ContactDetails contact)
    {
        firstName = FreeText.Require(firstName);
        lastName = FreeText.Require(lastName);
        ArgumentNullException.ThrowIfNull(contact);
        EnsureOpen(nameof(UpdateDetails));
        FirstName = firstName;
        LastName = lastName;
        ContactDetails = contact;
    }

    /// <summary>Records an interest in a product segment while the lead is open; recording it twice changes nothing.</summary>
    /// <param name="segment">The segment.</param>
    /// <exception cref="InvalidTransitionException"><c>lead.invalid-transition</c>: the lead is won or lost.</exception>
    public void AddInterest(ProductSegment segment)
    {
        EnsureOpen(nameof(AddInterest));
        _interests.Add(segment);
    }

    /// <summary>Removes an interest in a product segment while the lead is open; removing one it does not have changes nothing.</summary>
    /// <param name="segment">The segment.</param>
    /// <exception cref="InvalidTransitionException"><c>lead.invalid-transition</c>: the lead is won or lost.</exception>
    public void RemoveInterest(ProductSegment segment)
    {
        EnsureOpen(nameof(RemoveInterest));
        _interests.Remove(segment);
    }

    /// <summary>Records the prospect's opt-in to marketing; only then can campaigns reach them.</summary>
    /// <param name="at">When the prospect opted in.</param>
    /// <param name="source">Where the consent was collected (web form, showroom…).</param>
    /// <exception cref="InvalidInputException"><paramref name="source"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    public void GrantMarketingConsent(DateTimeOffset at, string source) => RecordConsent(true, at, source);

    /// <summary>Records the prospect's opt-out of marketing; campaigns stop reaching them.</summary>
    /// <param name="at">When the prospect opted out.</param>
    /// <param name="source">Where the opt-out was received (unsubscribe link, phone…).</param>
    /// <exception cref="InvalidInputException"><paramref name="source"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    public void WithdrawMarketingConsent(DateTimeOffset at, string source) => RecordConsent(false, at, source);

    /// <summary>
    /// The customer this lead becomes when no customer with the same contact details exists yet: same name,
    /// contact, interests, owner and marketing consent history.
    /// </summary>
    /// <param name="id">Identity of the new customer.</param>
    /// <param name="at">Creation time.</param>
    public Customer ToNewCustomer(CustomerId id, DateTimeOffset at)
    {
        var customer = Customer.CreateIndividual(id, FirstName, LastName, ContactDetails, at);
        foreach (var segment in _interests)
        {
            customer.AddInterest(segment);
        }

        if (OwnerId is { } owner)
        {
            customer.AssignOwner(owner);
        }

        CarryConsentTo(customer);
        return customer;
    }

    /// <summary>
    /// Hands the prospect's consent statements to <paramref name="customer"/> when the lead is linked to an existing
    /// customer: only the statements more recent than the customer's own latest one are appended, so the person's
    /// most recent word (on either record) decides.
    /// </summary>
    /// <param name="customer">The customer the lead becomes.</param>
    public void CarryConsentTo(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var since = customer.ConsentHistory.Count == 0 ? DateTimeOffset.MinValue : customer.ConsentHistory[^1].At;
        foreach (var consent in _consentHistory.Where(c => c.At > since))
        {
            if (consent.Granted)
            {
                customer.GrantMarketingConsent(consent.At, consent.Source);
            }
            else
            {
                customer.WithdrawMarketingConsent(consent.At, consent.Source);
            }
        }
    }

    /// <summary>The operations the current stage allows, by method name.</summary>
    public IReadOnlyList<string> PermittedOperations() => s_moves.Permitted(Stage);

    private void Move(string trigger, UserId actor, DateTimeOffset at, string? note) =>
        Record(s_moves.Next(Stage, trigger, Id.ToString()), actor, at, note);

    private void EnsureOpen(string operation)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException(ErrorCodes.Lead.InvalidTransition, Id.ToString(), Stage.ToString(), operation, PermittedOperations());
        }
    }

    private void RecordConsent(bool granted, DateTimeOffset at, string source)
    {
        source = FreeText.Require(source);
        _consentHistory.Add(new MarketingConsent(granted, at, source));
    }

    private void Record(LeadStage to, UserId actor, DateTimeOffset at, string? note)
    {
        var change = new LeadStageChange(Stage, to, at, actor, note);
        Stage = to;
        _history.Add(change);
        Raise(new LeadStageChanged(Id, change));
    }
}

/// <summary>The stored state of a <see cref="Lead"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Contact">Contact details.</param>
/// <param name="Source">Where the lead came from.</param>
/// <param name="OwnerId">Owning salesperson.</param>
/// <param name="CreatedAt">When it was captured.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="LostReason">Why it was lost.</param>
/// <param name="CustomerId">The customer it became.</param>
/// <param name="Interests">Product segments of interest.</param>
/// <param name="History">Moves through the pipeline, oldest first.</param>
/// <param name="OwnerHistory">Changes of owner, oldest first.</param>
/// <param name="ConsentHistory">Marketing opt-ins and opt-outs, oldest first.</param>
public sealed record LeadSnapshot(
    LeadId Id,
    string FirstName,
    string LastName,
    ContactDetails Contact,
    LeadSource Source,
    UserId? OwnerId,
    DateTimeOffset CreatedAt,
    LeadStage Stage,
    string? LostReason,
    CustomerId? CustomerId,
    IReadOnlyList<ProductSegment> Interests,
    IReadOnlyList<LeadStageChange> History,
    IReadOnlyList<LeadOwnerChange> OwnerHistory,
    IReadOnlyList<MarketingConsent> ConsentHistory)
{
    /// <summary>
    /// Whether this copy was read by someone without <c>customers.read-contact</c>, so that its contact details were
    /// withheld: <see cref="Contact"/> is then <see cref="ContactDetails.None"/> whatever the lead holds.
    /// <see langword="false"/> on the stored lead; left out of JSON when <see langword="false"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ContactRedacted { get; init; }

    /// <summary>This copy without its contact details, marked <see cref="ContactRedacted"/>, for a reader who may not see them.</summary>
    public LeadSnapshot WithoutContactDetails() => this with { Contact = ContactDetails.None, ContactRedacted = true };
}
