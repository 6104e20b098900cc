namespace EcoDrive.Core;

/// <summary>
/// A typed identity (<see cref="CustomerId"/>, <see cref="OrderId"/>, …): a <see cref="Guid"/> that cannot be
/// mistaken for the id of another kind of aggregate.
/// </summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface IEntityId<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IEntityId<TSelf>
{
    /// <summary>The underlying value.</summary>
    Guid Value { get; }

    /// <summary>Wraps an existing value.</summary>
    /// <param name="value">The value; must not be <see cref="Guid.Empty"/>.</param>
    static abstract TSelf From(Guid value);
}

/// <summary>Operations shared by every typed id.</summary>
public static class EntityId
{
    /// <summary>Parses the text form of a typed id (a GUID in any standard format).</summary>
    /// <typeparam name="TId">The id type.</typeparam>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a GUID, or is the empty GUID.</exception>
    public static TId Parse<TId>(string text)
        where TId : struct, IEntityId<TId> =>
        TryParse<TId>(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not a valid {typeof(TId).Name}: expected a non-empty GUID.");

    /// <summary>Parses the text form of a typed id without throwing.</summary>
    /// <typeparam name="TId">The id type.</typeparam>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The id when the text is valid.</param>
    /// <returns>Whether <paramref name="text"/> is a non-empty GUID.</returns>
    public static bool TryParse<TId>(string? text, out TId id)
        where TId : struct, IEntityId<TId>
    {
        id = default;
        if (!Guid.TryParse(text, out var value) || value == Guid.Empty)
        {
            return false;
        }

        id = TId.From(value);
        return true;
    }

    /// <summary>Returns <paramref name="value"/> when it is not <see cref="Guid.Empty"/>; the check every typed id's constructor makes.</summary>
    /// <param name="value">The candidate value.</param>
    /// <param name="typeName">The id type's name, for the message.</param>
    /// <exception cref="InvalidInputException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public static Guid NotEmpty(Guid value, string typeName) =>
        value != Guid.Empty ? value : throw new InvalidInputException(ErrorCodes.Input.Required, $"A {typeName} cannot be the empty GUID.", nameof(value));
}
