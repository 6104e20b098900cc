namespace EcoDrive.Erp.Purchasing;

/// <summary>Identity of a supplier purchase order.</summary>
public readonly record struct PurchaseOrderId : IEntityId<PurchaseOrderId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public PurchaseOrderId(Guid value) =>
        Value = value != Guid.Empty ? value : throw new ArgumentException($"A {nameof(PurchaseOrderId)} cannot be the empty GUID.", nameof(value));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static PurchaseOrderId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static PurchaseOrderId From(Guid value) => new(value);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
