using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of a sales order; the CRM and the ERP use the same id for the same order.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<OrderId>))]
public readonly record struct OrderId : IEntityId<OrderId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public OrderId(Guid value) => Value = EntityId.NotEmpty(value, nameof(OrderId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static OrderId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static OrderId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static OrderId Parse(string text) => EntityId.Parse<OrderId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
