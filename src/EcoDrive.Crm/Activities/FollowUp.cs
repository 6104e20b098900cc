namespace EcoDrive.Crm.Activities;

/// <summary>Where a follow-up stands.</summary>
public enum FollowUpStatus
{
    /// <summary>Planned and not yet done; it can be done, cancelled or rescheduled.</summary>
    Open = 0,

    /// <summary>Done (final).</summary>
    Done = 1,

    /// <summary>Cancelled, with a reason (final).</summary>
    Cancelled = 2,
}

/// <summary>What happened to a follow-up.</summary>
public enum FollowUpChangeKind
{
    /// <summary>It was planned.</summary>
    Scheduled = 0,

    /// <summary>Its due time moved.</summary>
    Rescheduled = 1,

    /// <summary>It was done.</summary>
    Done = 2,

    /// <summary>It was cancelled.</summary>
    Cancelled = 3,
}

/// <summary>One change of a follow-up, kept as history.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="DueAt">The due time after the change.</param>
/// <param name="Note">The outcome, the reason for cancelling or rescheduling, if given.</param>
public sealed record FollowUpChange(FollowUpChangeKind Kind, DateTimeOffset At, UserId Actor, DateTimeOffset DueAt, string? Note);

/// <summary>
/// A follow-up (French: relance): something a salesperson must do for a customer or a lead by a due time — call
/// back, send the brochure, propose a test drive. It is <see cref="FollowUpStatus.Open"/> until done or cancelled,
/// and can be rescheduled while open; every change is kept in <see cref="History"/> with its actor and time.
/// </summary>
public sealed class FollowUp : AggregateRoot
{
    private static readonly TransitionTable<FollowUpStatus> s_moves = new(
        ErrorCodes.FollowUp.InvalidTransition,
        (FollowUpStatus.Open, nameof(Complete), FollowUpStatus.Done),
        (FollowUpStatus.Open, nameof(Reschedule), FollowUpStatus.Open),
        (FollowUpStatus.Open, nameof(Cancel), FollowUpStatus.Cancelled));

    private readonly List<FollowUpChange> _history;

    private FollowUp(FollowUpSnapshot snapshot)
    {
        Id = snapshot.Id;
        Party = snapshot.Party;
        AssigneeId = snapshot.AssigneeId;
        Purpose = snapshot.Purpose;
        Status = snapshot.Status;
        _history = [.. snapshot.History];
    }

    /// <summary>Identity of the follow-up.</summary>
    public FollowUpId Id { get; }

    /// <summary>The customer or lead to follow up.</summary>
    public PartyRef Party { get; }

    /// <summary>The salesperson who must do it.</summary>
    public UserId AssigneeId { get; }

    /// <summary>What to do (call back about the financing offer…).</summary>
    public string Purpose { get; }

    /// <summary>Open, done or cancelled.</summary>
    public FollowUpStatus Status { get; private set; }

    /// <summary>When it is due (the latest schedule).</summary>
    public DateTimeOffset DueAt => _history[^1].DueAt;

    /// <summary>Every change, oldest first; the first is <see cref="FollowUpChangeKind.Scheduled"/>.</summary>
    public IReadOnlyList<FollowUpChange> History => _history;

    /// <summary>Plans a follow-up.</summary>
    /// <param name="id">Identity of the follow-up.</param>
    /// <param name="party">The customer or lead to follow up.</param>
    /// <param name="assigneeId">The salesperson who must do it.</param>
    /// <param name="dueAt">When it is due.</param>
    /// <param name="purpose">What to do; required.</param>
    /// <param name="actor">Who planned it.</param>
    /// <param name="at">When it was planned.</param>
    /// <exception cref="InvalidInputException"><paramref name="party"/> names nobody, or <paramref name="purpose"/> is blank, longer than <see cref="Limits.MaxNoteLength"/> or holds a control character other than a line break or tab.</exception>
    public static FollowUp Schedule(
        FollowUpId id, PartyRef party, UserId assigneeId, DateTimeOffset dueAt, string purpose, UserId actor, DateTimeOffset at)
    {
        PartyRef.Require(party, nameof(party));
        purpose = FreeText.Require(purpose, Limits.MaxNoteLength, multiline: true);
        return new FollowUp(new FollowUpSnapshot(
            id, party, assigneeId, purpose, FollowUpStatus.Open,
            [new FollowUpChange(FollowUpChangeKind.Scheduled, at, actor, dueAt, null)]));
    }

    /// <summary>Rebuilds a follow-up from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static FollowUp FromSnapshot(FollowUpSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new FollowUp(snapshot);
    }

    /// <summary>The follow-up's whole state as an immutable value. For storage adapters and reads.</summary>
    public FollowUpSnapshot ToSnapshot() => new(Id, Party, AssigneeId, Purpose, Status, [.. _history]);

    /// <summary>Whether it is still open and its due time has passed at <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The time to judge at.</param>
    public bool IsOverdueAsOf(DateTimeOffset asOf) => Status == FollowUpStatus.Open && DueAt < asOf;

    /// <summary>Records that it was done.</summary>
    /// <param name="actor">Who did it.</param>
    /// <param name="at">When.</param>
    /// <param name="outcome">What came of it, if noted.</param>
    /// <exception cref="InvalidInputException"><paramref name="outcome"/> is longer than <see cref="Limits.MaxNoteLength"/> or holds a control character other than a line break or tab.</exception>
    /// <exception cref="InvalidTransitionException">It is already done or cancelled.</exception>
    public void Complete(UserId actor, DateTimeOffset at, string? outcome = null) =>
        Record(nameof(Complete), FollowUpChangeKind.Done, actor, at, DueAt, FreeText.Optional(outcome, Limits.MaxNoteLength, multiline: true));

    /// <summary>Moves the due time.</summary>
    /// <param name="dueAt">The new due time.</param>
    /// <param name="actor">Who moved it.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why, if given (the customer asked to be called next week…).</param>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is longer than <see cref="Limits.MaxNoteLength"/> or holds a control character other than a line break or tab.</exception>
    /// <exception cref="InvalidTransitionException">It is already done or cancelled.</exception>
    public void Reschedule(DateTimeOffset dueAt, UserId actor, DateTimeOffset at, string? reason = null) =>
        Record(nameof(Reschedule), FollowUpChangeKind.Rescheduled, actor, at, dueAt, FreeText.Optional(reason, Limits.MaxNoteLength, multiline: true));

    /// <summary>Cancels it.</summary>
    /// <param name="reason">Why; required.</param>
    /// <param name="actor">Who cancelled it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is blank, too long (see <see cref="Limits"/>) or holds a control character.</exception>
    /// <exception cref="InvalidTransitionException">It is already done or cancelled.</exception>
    public void Cancel(string reason, UserId actor, DateTimeOffset at)
    {
        reason = FreeText.Require(reason, Limits.MaxNoteLength, multiline: true);
        Record(nameof(Cancel), FollowUpChangeKind.Cancelled, actor, at, DueAt, reason);
    }

    private void Record(string operation, FollowUpChangeKind kind, UserId actor, DateTimeOffset at, DateTimeOffset dueAt, string? note)
    {
        Status = s_moves.Next(Status, operation, Id.ToString());
        _history.Add(new FollowUpChange(kind, at, actor, dueAt, note));
    }
}

/// <summary>The stored state of a <see cref="FollowUp"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Party">The customer or lead to follow up.</param>
/// <param name="AssigneeId">The salesperson who must do it.</param>
/// <param name="Purpose">What to do.</param>
/// <param name="Status">Open, done or cancelled.</param>
/// <param name="History">Changes, oldest first; the first is the schedule.</param>
public sealed record FollowUpSnapshot(
    FollowUpId Id,
    PartyRef Party,
    UserId AssigneeId,
    string Purpose,
    FollowUpStatus Status,
    IReadOnlyList<FollowUpChange> History)
{
    /// <summary>When it is due (the latest schedule).</summary>
    public DateTimeOffset DueAt => History[^1].DueAt;
}
