namespace EcoDrive.Core;

/// <summary>Identity of a lead (a prospect in the sales pipeline).</summary>
public readonly record struct LeadId : IEntityId<LeadId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public LeadId(Guid value) => Value = EntityId.NotEmpty(value, nameof(LeadId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static LeadId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static LeadId From(Guid value) => new(value);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
