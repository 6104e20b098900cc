namespace EcoDrive.Core;

/// <summary>Identity of a user of the system (a salesperson, an accountant, …).</summary>
public readonly record struct UserId : IEntityId<UserId>
{
    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public UserId(Guid value) => Value = EntityId.NotEmpty(value, nameof(UserId));

    /// <inheritdoc />
    public Guid Value { get; }

    /// <summary>A new identity, ordered by creation time (GUID version 7).</summary>
    public static UserId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public static UserId From(Guid value) => new(value);

    /// <summary>The GUID in its standard text form.</summary>
    public override string ToString() => Value.ToString();
}
