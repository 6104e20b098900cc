namespace EcoDrive.Core;

/// <summary>
/// Base of every aggregate: it records the domain events raised by its operations until the application layer
/// takes them (usually to write them to the outbox in the same unit of work).
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Events raised since the aggregate was loaded or since they were last taken.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>Returns the recorded events, oldest first, and forgets them.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = _domainEvents.ToArray();
        _domainEvents.Clear();
        return events;
    }

    /// <summary>Records an event raised by an operation of this aggregate.</summary>
    /// <param name="domainEvent">The event.</param>
    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
