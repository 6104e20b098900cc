namespace EcoDrive.Core;

/// <summary>
/// A broken business rule. Every domain error of EcoDrive derives from this type and carries a stable,
/// machine-readable <see cref="Code"/> (for example <c>order.invalid-transition</c>) that callers and HTTP hosts
/// can branch on; the message is written for a person and says what to do.
/// </summary>
/// <remarks>The operation that raised it changed nothing. Every code is a constant of <see cref="ErrorCodes"/>, and the
/// codes are listed in <c>docs/errors.md</c>.</remarks>
public class DomainException : Exception, ICodedError
{
    /// <summary>Creates a domain error with its stable code and a message for a person.</summary>
    /// <param name="code">Stable machine-readable code, a constant of <see cref="ErrorCodes"/> (<see cref="ErrorCodes.Invoice.Overpayment"/>).</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    public DomainException(string code, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Stable machine-readable code of the rule that was broken, a constant of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }
}
