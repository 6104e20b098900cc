namespace EcoDrive.Core;

/// <summary>
/// A broken business rule. Every domain error of EcoDrive derives from this type and carries a stable,
/// machine-readable <see cref="Code"/> (for example <c>order.invalid-transition</c>) that callers and HTTP hosts
/// can branch on; the message is written for a person and says what to do.
/// </summary>
/// <remarks>The operation that raised it changed nothing. The codes are listed in <c>docs/errors.md</c>.</remarks>
public class DomainException : Exception
{
    /// <summary>Creates a domain error with its stable code and a message for a person.</summary>
    /// <param name="code">Stable machine-readable code, lower case with dots and dashes (<c>stock.insufficient</c>).</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    public DomainException(string code, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Stable machine-readable code of the rule that was broken.</summary>
    public string Code { get; }
}
