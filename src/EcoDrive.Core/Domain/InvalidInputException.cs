using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace EcoDrive.Core;

/// <summary>
/// An input value that EcoDrive refuses before any business rule is checked: blank or too-long text, a control
/// character, a quantity that is negative, zero or above its limit, an e-mail, phone, SIREN, SIRET or VAT number that
/// fails its check, an unknown currency code… <see cref="Code"/> is one of the <see cref="ErrorCodes.Input"/> codes and
/// <see cref="ArgumentException.ParamName"/> names the parameter or field that was refused.
/// </summary>
/// <remarks>
/// It is an <see cref="ArgumentException"/>, so <c>catch (ArgumentException)</c> still catches it; a host maps it, like
/// <see cref="DomainException"/>, through <see cref="ICodedError"/>. A <see langword="null"/> reference where an object
/// is required (a programmer error) throws <see cref="ArgumentNullException"/> instead; <see langword="null"/> text
/// where text is required counts as blank input (<see cref="ErrorCodes.Input.Required"/>). The operation that threw
/// changed nothing.
/// </remarks>
public sealed class InvalidInputException : ArgumentException, ICodedError
{
    /// <summary>Creates the error for the value of <paramref name="paramName"/>.</summary>
    /// <param name="code">One of the <see cref="ErrorCodes.Input"/> codes.</param>
    /// <param name="message">What is wrong with the value and what is expected instead.</param>
    /// <param name="paramName">The parameter or field whose value was refused.</param>
    public InvalidInputException(string code, string message, string? paramName)
        : this(code, message, paramName, null)
    {
    }

    /// <summary>Creates the error for the value of <paramref name="paramName"/>, caused by <paramref name="innerException"/>.</summary>
    /// <param name="code">One of the <see cref="ErrorCodes.Input"/> codes.</param>
    /// <param name="message">What is wrong with the value and what is expected instead.</param>
    /// <param name="paramName">The parameter or field whose value was refused.</param>
    /// <param name="innerException">The error that revealed it (for a host that reports an SDK refusal under its own field name), or <see langword="null"/>.</param>
    public InvalidInputException(string code, string message, string? paramName, Exception? innerException)
        : base(message, paramName, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Stable machine-readable code of the refusal, one of the <see cref="ErrorCodes.Input"/> codes.</summary>
    public string Code { get; }

    /// <summary>Refuses text that is <see langword="null"/>, empty or white space.</summary>
    /// <param name="argument">The text.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.Required"/>: the text is blank.</exception>
    public static new void ThrowIfNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new InvalidInputException(ErrorCodes.Input.Required, argument is null ? "A value is required." : "A value is required: it cannot be blank.", paramName);
        }
    }

    /// <summary>Refuses a negative number.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="value">The number.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.OutOfRange"/>: the number is negative.</exception>
    public static void ThrowIfNegative<T>(T value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : INumberBase<T>
    {
        if (T.IsNegative(value))
        {
            throw OutOfRange(paramName, $"The value {value} cannot be negative.");
        }
    }

    /// <summary>Refuses a number that is negative or zero.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="value">The number.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.OutOfRange"/>: the number is not positive.</exception>
    public static void ThrowIfNegativeOrZero<T>(T value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : INumberBase<T>
    {
        if (T.IsNegative(value) || T.IsZero(value))
        {
            throw OutOfRange(paramName, $"The value {value} must be positive.");
        }
    }

    /// <summary>Refuses a value greater than <paramref name="other"/>.</summary>
    /// <typeparam name="T">A comparable type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="other">The largest value allowed.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.OutOfRange"/>: the value is too large.</exception>
    public static void ThrowIfGreaterThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : IComparable<T>
    {
        if (value.CompareTo(other) > 0)
        {
            throw OutOfRange(paramName, $"The value {value} must be at most {other}.");
        }
    }

    /// <summary>Refuses a value greater than or equal to <paramref name="other"/>.</summary>
    /// <typeparam name="T">A comparable type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="other">The first value refused.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.OutOfRange"/>: the value is too large.</exception>
    public static void ThrowIfGreaterThanOrEqual<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : IComparable<T>
    {
        if (value.CompareTo(other) >= 0)
        {
            throw OutOfRange(paramName, $"The value {value} must be less than {other}.");
        }
    }

    /// <summary>Refuses a value less than <paramref name="other"/>.</summary>
    /// <typeparam name="T">A comparable type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="other">The smallest value allowed.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.OutOfRange"/>: the value is too small.</exception>
    public static void ThrowIfLessThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : IComparable<T>
    {
        if (value.CompareTo(other) < 0)
        {
            throw OutOfRange(paramName, $"The value {value} must be at least {other}.");
        }
    }

    /// <summary>Refuses a value less than or equal to <paramref name="other"/>.</summary>
    /// <typeparam name="T">A comparable type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="other">The last value refused.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.OutOfRange"/>: the value is too small.</exception>
    public static void ThrowIfLessThanOrEqual<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : IComparable<T>
    {
        if (value.CompareTo(other) <= 0)
        {
            throw OutOfRange(paramName, $"The value {value} must be greater than {other}.");
        }
    }

    private static InvalidInputException OutOfRange(string? paramName, string message) =>
        new(ErrorCodes.Input.OutOfRange, message, paramName);
}
