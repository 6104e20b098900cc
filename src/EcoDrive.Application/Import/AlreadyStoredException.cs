namespace EcoDrive.Application.Import;

/// <summary>
/// An imported aggregate has an id that is already stored (a batch imported twice), or that the batch gives twice.
/// Nothing of the batch was written. Code: <c>import.already-stored</c>.
/// </summary>
public sealed class AlreadyStoredException : DomainException
{
    /// <summary>Creates the error for the aggregate <paramref name="kind"/> <paramref name="id"/>.</summary>
    /// <param name="kind">Aggregate kind (<c>customer</c>, <c>order</c>, …).</param>
    /// <param name="id">The id already stored.</param>
    public AlreadyStoredException(string kind, string id)
        : base(ErrorCodes.Import.AlreadyStored, $"The {kind} {id} is already stored (or given twice): nothing of this batch was written. Leave out what was imported before, or import into an empty store.")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Aggregate kind.</summary>
    public string Kind { get; }

    /// <summary>The id already stored.</summary>
    public string Id { get; }
}
