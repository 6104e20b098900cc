using System.Text.Json.Serialization;
namespace EcoDrive.Crm.Activities;

/// <summary>How a salesperson and a customer or lead interacted.</summary>
public enum InteractionKind
{
    /// <summary>A phone call.</summary>
    Call = 0,

    /// <summary>An e-mail exchange.</summary>
    Email = 1,

    /// <summary>A visit to the showroom or to the customer.</summary>
    Visit = 2,

    /// <summary>A test drive of a vehicle.</summary>
    TestDrive = 3,

    /// <summary>A planned meeting.</summary>
    Meeting = 4,
}

/// <summary>
/// Something that happened between a salesperson and a customer or a lead: who, with whom, how, when, and a note.
/// An interaction is a fact: once logged it does not change, so it is its own stored snapshot.
/// </summary>
public sealed record Interaction
{
    [JsonConstructor]
    private Interaction(InteractionId id, PartyRef party, InteractionKind kind, UserId by, DateTimeOffset at, string? note)
    {
        Id = id;
        Party = party;
        Kind = kind;
        By = by;
        At = at;
        Note = note;
    }

    /// <summary>Identity of the interaction.</summary>
    public InteractionId Id { get; }

    /// <summary>The customer or lead it was with.</summary>
    public PartyRef Party { get; }

    /// <summary>Call, e-mail, visit, test drive or meeting.</summary>
    public InteractionKind Kind { get; }

    /// <summary>The salesperson who had it.</summary>
    public UserId By { get; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; }

    /// <summary>What was said or agreed, if noted.</summary>
    public string? Note { get; }

    /// <summary>Logs an interaction.</summary>
    /// <param name="id">Identity of the interaction.</param>
    /// <param name="party">The customer or lead it was with.</param>
    /// <param name="kind">How.</param>
    /// <param name="by">The salesperson who had it.</param>
    /// <param name="at">When it happened (it may be logged afterwards).</param>
    /// <param name="note">What was said or agreed; blank means no note.</param>
    /// <exception cref="InvalidInputException"><paramref name="party"/> names nobody, <paramref name="kind"/> is not a defined value, or <paramref name="note"/> is longer than <see cref="Limits.MaxNoteLength"/> or holds a control character other than a line break or tab.</exception>
    public static Interaction Log(InteractionId id, PartyRef party, InteractionKind kind, UserId by, DateTimeOffset at, string? note)
    {
        PartyRef.Require(party, nameof(party));
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"'{kind}' is not an interaction kind.", nameof(kind));
        }

        return new Interaction(id, party, kind, by, at, FreeText.Optional(note, Limits.MaxNoteLength, multiline: true));
    }

    /// <summary>Kind, time and note on one line.</summary>
    public override string ToString() => $"{Kind} with {Party} at {At:u} by {By}{(Note is null ? string.Empty : ": " + Note)}";
}
