using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of a product of the catalogue (a vehicle model).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<ProductId>))]
public readonly record struct ProductId : IEntityId<ProductId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public ProductId(Guid value) => Value = EntityId.NotEmpty(value, nameof(ProductId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static ProductId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static ProductId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static ProductId Parse(string text) => EntityId.Parse<ProductId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
