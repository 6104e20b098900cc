using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of a lead (a prospect in the sales pipeline).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<LeadId>))]
public readonly record struct LeadId : IEntityId<LeadId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public LeadId(Guid value) => Value = EntityId.NotEmpty(value, nameof(LeadId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static LeadId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static LeadId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static LeadId Parse(string text) => EntityId.Parse<LeadId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
