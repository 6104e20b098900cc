using System.Diagnostics;

namespace EcoDrive.Application.Messaging;

/// <summary>
/// A message that crosses from one side to the other (CRM → ERP or ERP → CRM). It is written to the outbox in the
/// same unit of work as the change that caused it, and handled at most once in effect thanks to the inbox.
/// </summary>
/// <param name="MessageId">Unique id; the inbox deduplicates by it.</param>
/// <param name="OccurredAt">When the change that caused it happened.</param>
public abstract record IntegrationMessage(Guid MessageId, DateTimeOffset OccurredAt)
{
    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the activity current when the message was created, usually the
    /// span of the use case that enqueued it; <see langword="null"/> when no trace was recorded. The dispatcher links the
    /// span of the message's delivery to it, so a trace viewer leads from a submission to its handling on the other side.
    /// It travels in the stored message and takes no part in equality: the same message sent from two traces is the same message.
    /// </summary>
    /// <remarks>Set on creation; a stored message read back keeps the value it was written with (a <see langword="null"/> included).</remarks>
    public string? TraceParent { get; init; } = Activity.Current?.Id;

    /// <summary>Whether <paramref name="other"/> is the same message: same type and the same values, <see cref="TraceParent"/> aside.</summary>
    /// <param name="other">The other message.</param>
    public virtual bool Equals(IntegrationMessage? other) =>
        ReferenceEquals(this, other)
        || (other is not null && EqualityContract == other.EqualityContract && MessageId == other.MessageId && OccurredAt == other.OccurredAt);

    /// <summary>A hash of the type and the values, <see cref="TraceParent"/> aside.</summary>
    public override int GetHashCode() => HashCode.Combine(EqualityContract, MessageId, OccurredAt);
}

/// <summary>CRM → ERP: a salesperson recorded an order; the ERP takes it over.</summary>
/// <param name="MessageId">Unique id.</param>
/// <param name="OccurredAt">When the order was recorded.</param>
/// <param name="OrderId">The order's id, shared by both sides.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="SalespersonId">The salesperson.</param>
/// <param name="Lines">What was ordered.</param>
public sealed record OrderSubmitted(
    Guid MessageId, DateTimeOffset OccurredAt, OrderId OrderId, CustomerId CustomerId, UserId SalespersonId, IReadOnlyList<OrderLine> Lines)
    : IntegrationMessage(MessageId, OccurredAt);

/// <summary>ERP → CRM: an order's status changed. The CRM applies it unless it already knows a later version.</summary>
/// <param name="MessageId">Unique id.</param>
/// <param name="OccurredAt">When the status changed.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Change">The new status, with the order's version.</param>
public sealed record OrderStatusChanged(Guid MessageId, DateTimeOffset OccurredAt, OrderId OrderId, OrderStatusEntry Change)
    : IntegrationMessage(MessageId, OccurredAt);
