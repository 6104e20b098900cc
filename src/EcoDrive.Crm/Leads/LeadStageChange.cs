namespace EcoDrive.Crm.Leads;

/// <summary>One move of a lead through the pipeline, kept as history.</summary>
/// <param name="From">Stage before the move.</param>
/// <param name="To">Stage after the move.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who moved it.</param>
/// <param name="Note">Why, when a reason applies (the loss reason).</param>
public sealed record LeadStageChange(LeadStage From, LeadStage To, DateTimeOffset At, UserId Actor, string? Note);

/// <summary>Domain event: a lead moved through the pipeline.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="Change">The move.</param>
public sealed record LeadStageChanged(LeadId LeadId, LeadStageChange Change) : IDomainEvent
{
    /// <inheritdoc />
    public DateTimeOffset OccurredAt => Change.At;
}

/// <summary>One change of a lead's owner, kept as history.</summary>
/// <param name="From">The previous owner, if any.</param>
/// <param name="To">The new owner.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who reassigned the lead.</param>
public sealed record LeadOwnerChange(UserId? From, UserId To, DateTimeOffset At, UserId Actor);
