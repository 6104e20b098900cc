using EcoDrive.Crm.Orders;

namespace EcoDrive.Crm.Offers;

/// <summary>Where an offer stands: <c>Draft → Sent → Accepted | Declined | Expired</c>.</summary>
public enum OfferStatus
{
    /// <summary>Being prepared; the customer has not seen it.</summary>
    Draft = 0,

    /// <summary>Sent to the customer, waiting for an answer until its validity ends.</summary>
    Sent = 1,

    /// <summary>Accepted by the customer within its validity (final); it can become an order once.</summary>
    Accepted = 2,

    /// <summary>Declined by the customer, with a reason (final).</summary>
    Declined = 3,

    /// <summary>Its validity ended without an answer (final).</summary>
    Expired = 4,
}

/// <summary>One change of an offer's status, kept as history.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who; <see langword="null"/> for the system (expiry sweep).</param>
/// <param name="Note">Why, when a reason applies (declined).</param>
public sealed record OfferChange(OfferStatus Status, DateTimeOffset At, UserId? Actor, string? Note);

/// <summary>
/// A personalised offer (quote) to a customer or a lead: lines with discounts, a validity, and totals with VAT per
/// EN 16931 (through <see cref="VatBreakdown"/>). It moves <c>Draft → Sent → Accepted | Declined | Expired</c>; an
/// offer past its validity cannot be sent or accepted (<see cref="OfferExpiredException"/>). An accepted offer
/// becomes an order once (<see cref="MarkOrdered"/>).
/// </summary>
public sealed class Offer : AggregateRoot
{
    private static readonly TransitionTable<OfferStatus> s_moves = new(
        ErrorCodes.Offer.InvalidTransition,
        (OfferStatus.Draft, nameof(Send), OfferStatus.Sent),
        (OfferStatus.Sent, nameof(Accept), OfferStatus.Accepted),
        (OfferStatus.Sent, nameof(Decline), OfferStatus.Declined),
        (OfferStatus.Sent, nameof(Expire), OfferStatus.Expired),

        // Ordering does not change the status: the accepted offer records the order it became.
        (OfferStatus.Accepted, nameof(MarkOrdered), OfferStatus.Accepted));

    private readonly List<OfferChange> _history;

    private Offer(OfferSnapshot snapshot)
    {
        Id = snapshot.Id;
        Party = snapshot.Party;
        OwnerId = snapshot.OwnerId;
        Lines = snapshot.Lines;
        ValidUntil = snapshot.ValidUntil;
        Status = snapshot.Status;
        OrderId = snapshot.OrderId;
        PriceApproval = snapshot.PriceApproval;
        _history = [.. snapshot.History];
    }

    /// <summary>Identity of the offer.</summary>
    public OfferId Id { get; }

    /// <summary>The customer or lead it is for.</summary>
    public PartyRef Party { get; }

    /// <summary>The salesperson who prepared it (and records the order it becomes).</summary>
    public UserId OwnerId { get; }

    /// <summary>What is offered, at least one line, all in one currency.</summary>
    public IReadOnlyList<OfferLine> Lines { get; }

    /// <summary>The last moment at which the offer can be accepted.</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>The stored status; see <see cref="StatusAsOf"/> for the status that counts expiry.</summary>
    public OfferStatus Status { get; private set; }

    /// <summary>The order the accepted offer became, once ordered.</summary>
    public OrderId? OrderId { get; private set; }

    /// <summary>
    /// The approval of a discount beyond its owner's own limit, given when it was drafted, or <see langword="null"/>
    /// when none was needed; the order it becomes carries it.
    /// </summary>
    public PriceApproval? PriceApproval { get; }

    /// <summary>Every change of status, oldest first; the first is <see cref="OfferStatus.Draft"/>.</summary>
    public IReadOnlyList<OfferChange> History => _history;

    /// <summary>Net total, VAT per rate and total with VAT, per EN 16931.</summary>
    public VatBreakdown Totals => TotalsOf(Lines);

    /// <summary>Drafts an offer.</summary>
    /// <param name="id">Identity of the offer.</param>
    /// <param name="party">The customer or lead it is for.</param>
    /// <param name="lines">What is offered; at least one line, all in one currency.</param>
    /// <param name="validUntil">The last moment at which it can be accepted; after <paramref name="at"/>.</param>
    /// <param name="owner">The salesperson preparing it.</param>
    /// <param name="at">When.</param>
    /// <param name="priceApproval">The approval of a discount beyond the owner's own limit, when one was needed.</param>
    /// <exception cref="InvalidInputException"><paramref name="party"/> names nobody, or there is no line.</exception>
    /// <exception cref="InvalidInputException"><paramref name="validUntil"/> is not after <paramref name="at"/>.</exception>
    /// <exception cref="CurrencyMismatchException">Lines are in different currencies.</exception>
    /// <exception cref="LimitExceededException"><c>offer.limit-exceeded</c>: more than <see cref="Limits.MaxQuantity"/> units of a product, or a net total above <see cref="Limits.MaxAmount"/>.</exception>
    public static Offer Draft(
        OfferId id, PartyRef party, IEnumerable<OfferLine> lines, DateTimeOffset validUntil, UserId owner, DateTimeOffset at, PriceApproval? priceApproval = null)
    {
        PartyRef.Require(party, nameof(party));
        ArgumentNullException.ThrowIfNull(lines);
        var offerLines = lines.ToArray();
        if (offerLines.Length == 0)
        {
            throw new InvalidInputException(ErrorCodes.Input.Required, "An offer needs at least one line.", nameof(lines));
        }

        InvalidInputException.ThrowIfLessThanOrEqual(validUntil, at);
        _ = TotalsOf(offerLines);
        Limits.RequireOrderLimits(ErrorCodes.Offer.LimitExceeded, id.ToString(), [.. offerLines.Select(l => l.ToOrderLine())]);
        return new Offer(new OfferSnapshot(
            id, party, owner, offerLines, validUntil, OfferStatus.Draft, null, [new OfferChange(OfferStatus.Draft, at, owner, null)])
        {
            PriceApproval = priceApproval,
        });
    }

    /// <summary>Rebuilds an offer from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Offer FromSnapshot(OfferSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Offer(snapshot);
    }

    /// <summary>The offer's whole state as an immutable value. For storage adapters and reads.</summary>
    public OfferSnapshot ToSnapshot() => new(Id, Party, OwnerId, Lines, ValidUntil, Status, OrderId, [.. _history]) { PriceApproval = PriceApproval };

    /// <summary>
    /// The status at <paramref name="asOf"/>: <see cref="OfferStatus.Expired"/> for a sent offer past its validity
    /// even before anyone recorded the expiry, otherwise <see cref="Status"/>.
    /// </summary>
    /// <param name="asOf">The time to judge at.</param>
    public OfferStatus StatusAsOf(DateTimeOffset asOf) => StatusAt(Status, ValidUntil, asOf);

    /// <summary>Records that the offer was sent to the customer: <c>Draft → Sent</c>.</summary>
    /// <param name="actor">Who sent it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">It is not a draft.</exception>
    /// <exception cref="OfferExpiredException">Its validity has already ended.</exception>
    public void Send(UserId actor, DateTimeOffset at) => Move(nameof(Send), actor, at, null, mustBeValid: true);

    /// <summary>Records the customer's acceptance: <c>Sent → Accepted</c>, only within the validity.</summary>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="at">When the customer accepted.</param>
    /// <exception cref="InvalidTransitionException">It was not sent, or was already answered.</exception>
    /// <exception cref="OfferExpiredException"><paramref name="at"/> is after <see cref="ValidUntil"/>.</exception>
    public void Accept(UserId actor, DateTimeOffset at) => Move(nameof(Accept), actor, at, null, mustBeValid: true);

    /// <summary>Records that the customer declined: <c>Sent → Declined</c>.</summary>
    /// <param name="reason">Why (price, delivery time…); required.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is blank, longer than <see cref="Limits.MaxNameLength"/> or holds a control character.</exception>
    /// <exception cref="InvalidTransitionException">It was not sent, or was already answered.</exception>
    public void Decline(string reason, UserId actor, DateTimeOffset at)
    {
        Move(nameof(Decline), actor, at, FreeText.Require(reason), mustBeValid: false);
    }

    /// <summary>Records that the validity ended without an answer: <c>Sent → Expired</c>.</summary>
    /// <param name="actor">Who recorded it; <see langword="null"/> for the system.</param>
    /// <param name="at">When; after <see cref="ValidUntil"/>.</param>
    /// <exception cref="InvalidTransitionException">It is not sent, or its validity has not ended at <paramref name="at"/> (unmet guard <c>validity ended</c>).</exception>
    public void Expire(UserId? actor, DateTimeOffset at)
    {
        if (Status == OfferStatus.Sent && at <= ValidUntil)
        {
            throw s_moves.Refused(Status, nameof(Expire), Id.ToString(), $"validity ended (valid until {ValidUntil:u})");
        }

        Move(nameof(Expire), actor, at, null, mustBeValid: false);
    }

    /// <summary>Records the order the accepted offer became; an offer becomes an order once.</summary>
    /// <param name="orderId">The order.</param>
    /// <exception cref="InvalidTransitionException">The offer is not accepted.</exception>
    /// <exception cref="DomainException"><c>offer.already-ordered</c>: it already became an order.</exception>
    public void MarkOrdered(OrderId orderId)
    {
        _ = s_moves.Next(Status, nameof(MarkOrdered), Id.ToString());
        if (OrderId is { } existing)
        {
            throw new DomainException(ErrorCodes.Offer.AlreadyOrdered, $"Offer {Id} already became order {existing}; an offer becomes one order only. Look that order up instead.");
        }

        OrderId = orderId;
    }

    /// <summary>Net total, VAT per rate and total with VAT of <paramref name="lines"/>, per EN 16931.</summary>
    /// <param name="lines">Offer lines, at least one, in one currency.</param>
    /// <exception cref="CurrencyMismatchException">Lines are in different currencies.</exception>
    internal static VatBreakdown TotalsOf(IReadOnlyList<OfferLine> lines) =>
        VatBreakdown.Compute(lines.Select(l => (l.Net, l.VatRate)), lines[0].UnitPrice.Currency);

    /// <summary>A sent offer past its validity counts as expired.</summary>
    internal static OfferStatus StatusAt(OfferStatus status, DateTimeOffset validUntil, DateTimeOffset asOf) =>
        status == OfferStatus.Sent && asOf > validUntil ? OfferStatus.Expired : status;

    private void Move(string operation, UserId? actor, DateTimeOffset at, string? note, bool mustBeValid)
    {
        var to = s_moves.Next(Status, operation, Id.ToString());
        if (mustBeValid && at > ValidUntil)
        {
            throw new OfferExpiredException(Id, ValidUntil, at);
        }

        Status = to;
        _history.Add(new OfferChange(to, at, actor, note));
    }
}

/// <summary>The stored state of an <see cref="Offer"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Party">The customer or lead it is for.</param>
/// <param name="OwnerId">The salesperson who prepared it.</param>
/// <param name="Lines">What is offered.</param>
/// <param name="ValidUntil">The last moment at which it can be accepted.</param>
/// <param name="Status">The stored status.</param>
/// <param name="OrderId">The order it became, once ordered.</param>
/// <param name="History">Changes of status, oldest first.</param>
public sealed record OfferSnapshot(
    OfferId Id,
    PartyRef Party,
    UserId OwnerId,
    IReadOnlyList<OfferLine> Lines,
    DateTimeOffset ValidUntil,
    OfferStatus Status,
    OrderId? OrderId,
    IReadOnlyList<OfferChange> History)
{
    /// <summary>The approval of a discount beyond the owner's own limit, or <see langword="null"/> when none was needed.</summary>
    public PriceApproval? PriceApproval { get; init; }

    /// <summary>Net total, VAT per rate and total with VAT, per EN 16931.</summary>
    public VatBreakdown Totals => Offer.TotalsOf(Lines);

    /// <summary>The status at <paramref name="asOf"/>: <see cref="OfferStatus.Expired"/> for a sent offer past its validity, otherwise <see cref="Status"/>.</summary>
    /// <param name="asOf">The time to judge at.</param>
    public OfferStatus StatusAsOf(DateTimeOffset asOf) => Offer.StatusAt(Status, ValidUntil, asOf);
}
