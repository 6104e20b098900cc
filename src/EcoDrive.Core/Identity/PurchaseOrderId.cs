using System.Text.Json.Serialization;

namespace EcoDrive.Core;

/// <summary>Identity of a supplier purchase order.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<PurchaseOrderId>))]
public readonly record struct PurchaseOrderId : IEntityId<PurchaseOrderId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public PurchaseOrderId(Guid value) => Value = EntityId.NotEmpty(value, nameof(PurchaseOrderId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static PurchaseOrderId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static PurchaseOrderId From(Guid value) => new(value);

    /// <summary>Parses the text form (a non-empty GUID).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a non-empty GUID.</exception>
    public static PurchaseOrderId Parse(string text) => EntityId.Parse<PurchaseOrderId>(text);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
