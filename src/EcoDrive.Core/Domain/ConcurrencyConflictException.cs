namespace EcoDrive.Core;

/// <summary>
/// A write based on a stale read: another unit of work changed the same aggregate first. Nothing was written;
/// reload and try again (application services retry this for you).
/// </summary>
public sealed class ConcurrencyConflictException : DomainException
{
    /// <summary>Creates the error for the aggregate <paramref name="kind"/> <paramref name="id"/>.</summary>
    /// <param name="kind">Aggregate kind (<c>stock</c>, <c>order</c>, …).</param>
    /// <param name="id">Identity of the aggregate that changed under the writer.</param>
    public ConcurrencyConflictException(string kind, string id)
        : base(ErrorCodes.Storage.ConcurrencyConflict, $"The {kind} {id} was changed by someone else since it was read; nothing was written. Reload it and try again.")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Aggregate kind that was written concurrently.</summary>
    public string Kind { get; }

    /// <summary>Identity of that aggregate.</summary>
    public string Id { get; }
}
