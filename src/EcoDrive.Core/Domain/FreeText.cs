using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace EcoDrive.Core;

/// <summary>
/// The one check for free text that reaches storage (names, addresses, reasons, notes, templates): trimmed, at most a
/// stated length (<see cref="Limits.MaxNameLength"/>, <see cref="Limits.MaxNoteLength"/>,
/// <see cref="Limits.MaxTemplateLength"/>), and without control characters. Single-line text refuses every C0 and C1
/// control character (NUL, tab, line breaks, DEL…); multi-line text allows line feed, carriage return and tab only.
/// A lone UTF-16 surrogate is refused too: no database can store it as text.
/// </summary>
public static class FreeText
{
    /// <summary>Checks required text and returns it trimmed.</summary>
    /// <param name="value">The text.</param>
    /// <param name="maxLength">The most characters it may have once trimmed.</param>
    /// <param name="multiline">Whether line feed, carriage return and tab are allowed.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <returns>The text, trimmed.</returns>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.Required"/>: <paramref name="value"/> is <see langword="null"/> or blank;
    /// <see cref="ErrorCodes.Input.TooLong"/>: longer than <paramref name="maxLength"/>; <see cref="ErrorCodes.Input.InvalidCharacter"/>: it holds a
    /// control character or a lone surrogate.</exception>
    public static string Require(
        [NotNull] string? value,
        int maxLength = Limits.MaxNameLength,
        bool multiline = false,
        [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(value, paramName);
        return Checked(value.Trim(), maxLength, multiline, paramName);
    }

    /// <summary>Checks optional text: <see langword="null"/> when blank, else trimmed.</summary>
    /// <param name="value">The text, or <see langword="null"/>.</param>
    /// <param name="maxLength">The most characters it may have once trimmed.</param>
    /// <param name="multiline">Whether line feed, carriage return and tab are allowed.</param>
    /// <param name="paramName">The parameter's name; the compiler fills it in.</param>
    /// <returns>The text, trimmed, or <see langword="null"/> when it is blank.</returns>
    /// <exception cref="InvalidInputException"><see cref="ErrorCodes.Input.TooLong"/>: <paramref name="value"/> is longer than <paramref name="maxLength"/>;
    /// <see cref="ErrorCodes.Input.InvalidCharacter"/>: it holds a control character or a lone surrogate.</exception>
    public static string? Optional(
        string? value,
        int maxLength = Limits.MaxNameLength,
        bool multiline = false,
        [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        string.IsNullOrWhiteSpace(value) ? null : Checked(value.Trim(), maxLength, multiline, paramName);

    private static string Checked(string text, int maxLength, bool multiline, string? paramName)
    {
        if (text.Length > maxLength)
        {
            throw new InvalidInputException(ErrorCodes.Input.TooLong, $"The text is {text.Length:N0} characters long; at most {maxLength:N0} are allowed.", paramName);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                throw new InvalidInputException(ErrorCodes.Input.InvalidCharacter, 
                    $"The text holds the control character U+{(int)c:X4} at position {i}; {(multiline ? "only line breaks and tabs are allowed" : "it must be a single line of printable characters")}.",
                    paramName);
            }

            if (char.IsSurrogate(c) && !char.IsSurrogatePair(text, i))
            {
                throw new InvalidInputException(ErrorCodes.Input.InvalidCharacter, $"The text holds a lone UTF-16 surrogate at position {i}.", paramName);
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return text;
    }
}
