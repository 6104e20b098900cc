using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of an interaction with a customer or a lead.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<InteractionId>))]
public readonly record struct InteractionId : IEntityId<InteractionId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public InteractionId(Guid value) => Value = EntityId.NotEmpty(value, nameof(InteractionId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static InteractionId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static InteractionId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static InteractionId Parse(string text) => EntityId.Parse<InteractionId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
