using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of a user of the system (a salesperson, an accountant, …).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<UserId>))]
public readonly record struct UserId : IEntityId<UserId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public UserId(Guid value) => Value = EntityId.NotEmpty(value, nameof(UserId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static UserId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static UserId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static UserId Parse(string text) => EntityId.Parse<UserId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
