using System.Collections.Concurrent;

namespace EcoDrive.Core.Access;

/// <summary>
/// An <see cref="IUserDirectory"/> held in memory and safe to share between threads. The one <c>AddEcoDrive()</c>
/// registers starts empty, so every user named by id is unknown until the host adds it (or registers its own directory).
/// </summary>
public sealed class InMemoryUserDirectory : IUserDirectory
{
    private readonly ConcurrentDictionary<UserId, User> _users = new();

    /// <summary>Creates an empty directory.</summary>
    public InMemoryUserDirectory()
    {
    }

    /// <summary>Creates a directory that knows <paramref name="users"/>.</summary>
    /// <param name="users">The users; a later one replaces an earlier one with the same id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="users"/> or one of them is <see langword="null"/>.</exception>
    public InMemoryUserDirectory(IEnumerable<User> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users)
        {
            Add(user);
        }
    }

    /// <summary>The users known, in no particular order.</summary>
    public IReadOnlyCollection<User> Users => [.. _users.Values];

    /// <summary>Adds <paramref name="user"/>, or replaces the user with the same id (a new name or role).</summary>
    /// <param name="user">The user.</param>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    public void Add(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users[user.Id] = user;
    }

    /// <inheritdoc />
    public ValueTask<User?> FindAsync(UserId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_users.GetValueOrDefault(id));
}
