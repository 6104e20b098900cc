namespace EcoDrive.Core;

/// <summary>
/// An error that carries a stable, machine-readable code from <see cref="ErrorCodes"/>: a broken business rule
/// (<see cref="DomainException"/>) or a refused input value (<see cref="InvalidInputException"/>). A host maps every
/// EcoDrive error through this one interface and branches on <see cref="Code"/>, never on the message.
/// </summary>
public interface ICodedError
{
    /// <summary>Stable machine-readable code, one of the constants of <see cref="ErrorCodes"/> (<c>invoice.overpayment</c>, <c>input.too-long</c>).</summary>
    string Code { get; }
}
