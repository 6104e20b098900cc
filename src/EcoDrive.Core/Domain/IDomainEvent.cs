namespace EcoDrive.Core;

/// <summary>Something that happened to an aggregate, recorded on it and handed out after the change is committed.</summary>
public interface IDomainEvent
{
    /// <summary>When it happened, from the <see cref="TimeProvider"/> of the operation.</summary>
    DateTimeOffset OccurredAt { get; }
}
