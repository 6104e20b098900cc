namespace EcoDrive.Core;

/// <summary>An operation named an aggregate that does not exist. Code: one of the <c>NotFound</c> constants of <see cref="ErrorCodes"/> (<see cref="ErrorCodes.Customer.NotFound"/>, …).</summary>
public sealed class EntityNotFoundException : DomainException
{
    /// <summary>Creates the error for the aggregate <paramref name="id"/> of the kind the code names.</summary>
    /// <param name="code">A <c>NotFound</c> constant of <see cref="ErrorCodes"/>; its area is the <see cref="Kind"/> (<see cref="ErrorCodes.Customer.NotFound"/> gives <c>customer</c>).</param>
    /// <param name="id">The identity that was not found.</param>
    public EntityNotFoundException(string code, string id)
        : base(code, $"No {ErrorCodes.AreaOf(code)} with id {id} exists. Check the id, or create the {ErrorCodes.AreaOf(code)} first.")
    {
        Kind = ErrorCodes.AreaOf(code);
        Id = id;
    }

    /// <summary>Aggregate kind that was looked for, the area of <see cref="DomainException.Code"/> (<c>customer</c>, <c>purchase-order</c>).</summary>
    public string Kind { get; }

    /// <summary>The identity that was not found.</summary>
    public string Id { get; }
}
