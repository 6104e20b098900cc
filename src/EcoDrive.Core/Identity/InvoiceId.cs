using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of an invoice or a credit note.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<InvoiceId>))]
public readonly record struct InvoiceId : IEntityId<InvoiceId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public InvoiceId(Guid value) => Value = EntityId.NotEmpty(value, nameof(InvoiceId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static InvoiceId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static InvoiceId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static InvoiceId Parse(string text) => EntityId.Parse<InvoiceId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
