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
