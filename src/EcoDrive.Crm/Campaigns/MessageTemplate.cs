using System.Collections.Frozen;
using System.Text.Json.Serialization;
using System.Text;

namespace EcoDrive.Crm.Campaigns;

/// <summary>A value that a <see cref="MessageTemplate"/> can insert, written <c>{firstName}</c>, <c>{model}</c> or <c>{offer}</c>.</summary>
public enum Placeholder
{
    /// <summary><c>{firstName}</c>: the recipient's first name (a company's name for a company).</summary>
    FirstName = 0,

    /// <summary><c>{model}</c>: the vehicle model the campaign promotes.</summary>
    Model = 1,

    /// <summary><c>{offer}</c>: the campaign's offer (<c>−10 % until 31 March</c>).</summary>
    Offer = 2,
}

/// <summary>
/// The text of a campaign message with placeholders — <c>Bonjour {firstName}, le {model} est à {offer}</c> — checked
/// when it is parsed, so that a campaign never starts with a placeholder it cannot fill. <c>{{</c> and <c>}}</c>
/// write literal braces.
/// </summary>
/// <remarks>Equality compares <see cref="Text"/>.</remarks>
[JsonConverter(typeof(MessageTemplateJsonConverter))]
public sealed class MessageTemplate : IEquatable<MessageTemplate>
{
    private static readonly FrozenDictionary<string, Placeholder> s_names = new Dictionary<string, Placeholder>(StringComparer.Ordinal)
    {
        ["firstName"] = Placeholder.FirstName,
        ["model"] = Placeholder.Model,
        ["offer"] = Placeholder.Offer,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Literal text and placeholders in order; a part is either a string or a Placeholder.
    private readonly IReadOnlyList<object> _parts;

    private MessageTemplate(string text, IReadOnlyList<object> parts)
    {
        Text = text;
        _parts = parts;
        Placeholders = [.. parts.OfType<Placeholder>().Distinct().Order()];
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The placeholders the template uses, each once.</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; }

    /// <summary>The names that can be written between braces: <c>firstName</c>, <c>model</c>, <c>offer</c>.</summary>
    public static IReadOnlyList<string> KnownPlaceholders { get; } = [.. s_names.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Parses and checks a template.</summary>
    /// <param name="text">The template; placeholders are written <c>{firstName}</c>, <c>{model}</c>, <c>{offer}</c> (case-sensitive).</param>
    /// <exception cref="InvalidInputException"><paramref name="text"/> is blank, longer than <see cref="Limits.MaxTemplateLength"/> or holds a control character other than a line break or tab.</exception>
    /// <exception cref="UnknownPlaceholderException"><c>campaign.unknown-placeholder</c>: a name between braces is not a known placeholder.</exception>
    /// <exception cref="DomainException"><c>campaign.template-syntax</c>: a brace is not closed or not opened.</exception>
    public static MessageTemplate Parse(string text)
    {
        _ = FreeText.Require(text, Limits.MaxTemplateLength, multiline: true);
        var parts = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw SyntaxError(text, i, "'{' is never closed");
                }

                var name = text[(i + 1)..close];
                if (!s_names.TryGetValue(name, out var placeholder))
                {
                    throw new UnknownPlaceholderException(name, KnownPlaceholders);
                }

                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                parts.Add(placeholder);
                i = close;
            }
            else if (c == '}')
            {
                throw SyntaxError(text, i, "'}' closes nothing");
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new MessageTemplate(text, parts);
    }

    /// <summary>The message with every placeholder replaced by its value.</summary>
    /// <param name="values">A value for every placeholder in <see cref="Placeholders"/>.</param>
    /// <exception cref="InvalidInputException">A placeholder the template uses has no value.</exception>
    public string Render(IReadOnlyDictionary<Placeholder, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var message = new StringBuilder();
        foreach (var part in _parts)
        {
            message.Append(part switch
            {
                Placeholder placeholder => values.TryGetValue(placeholder, out var value)
                    ? value
                    : throw new InvalidInputException(ErrorCodes.Input.Required, $"No value for the placeholder {{{NameOf(placeholder)}}}.", nameof(values)),
                _ => (string)part,
            });
        }

        return message.ToString();
    }

    /// <summary>The name written between braces for <paramref name="placeholder"/> (<c>firstName</c>).</summary>
    /// <param name="placeholder">The placeholder.</param>
    public static string NameOf(Placeholder placeholder) => s_names.First(n => n.Value == placeholder).Key;

    /// <inheritdoc />
    public bool Equals(MessageTemplate? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MessageTemplate);

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <summary>The template as written.</summary>
    public override string ToString() => Text;

    private static DomainException SyntaxError(string text, int position, string what) =>
        new(ErrorCodes.Campaign.TemplateSyntax, $"The template has a brace problem at position {position}: {what}. Write {{{{ or }}}} for a literal brace. Template: \"{text}\"");
}

/// <summary>
/// A template names a placeholder that does not exist (<c>{prenom}</c> instead of <c>{firstName}</c>). Code:
/// <c>campaign.unknown-placeholder</c>.
/// </summary>
public sealed class UnknownPlaceholderException : DomainException
{
    /// <summary>Creates the error naming the unknown placeholder and the known ones.</summary>
    /// <param name="placeholder">The name found between braces.</param>
    /// <param name="known">The names that exist.</param>
    public UnknownPlaceholderException(string placeholder, IReadOnlyList<string> known)
        : base(ErrorCodes.Campaign.UnknownPlaceholder, $"The template uses {{{placeholder}}}, which is not a placeholder. Use one of: {string.Join(", ", (known ?? []).Select(k => "{" + k + "}"))}.")
    {
        Placeholder = placeholder;
        Known = known ?? [];
    }

    /// <summary>The unknown name, as written between the braces.</summary>
    public string Placeholder { get; }

    /// <summary>The placeholders that exist.</summary>
    public IReadOnlyList<string> Known { get; }
}

/// <summary>Writes a template as its text and reads it back through <see cref="MessageTemplate.Parse"/>.</summary>
internal sealed class MessageTemplateJsonConverter : JsonConverter<MessageTemplate>
{
    public override MessageTemplate Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var text = reader.GetString();
        try
        {
            return MessageTemplate.Parse(text ?? string.Empty);
        }
        catch (ArgumentException error)
        {
            throw new System.Text.Json.JsonException($"'{text}' is not a valid message template: {error.Message}", error);
        }
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, MessageTemplate value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);
}
