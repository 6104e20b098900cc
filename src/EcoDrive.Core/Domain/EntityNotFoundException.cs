namespace EcoDrive.Core;

/// <summary>An operation named an aggregate that does not exist. Code: <c>{kind}.not-found</c>.</summary>
public sealed class EntityNotFoundException : DomainException
{
    /// <summary>Creates the error for the aggregate <paramref name="kind"/> <paramref name="id"/>.</summary>
    /// <param name="kind">Aggregate kind in lower case (<c>customer</c>, <c>order</c>, <c>product</c>, …).</param>
    /// <param name="id">The identity that was not found.</param>
    public EntityNotFoundException(string kind, string id)
        : base($"{kind}.not-found", $"No {kind} with id {id} exists. Check the id, or create the {kind} first.")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Aggregate kind that was looked for.</summary>
    public string Kind { get; }

    /// <summary>The identity that was not found.</summary>
    public string Id { get; }
}
