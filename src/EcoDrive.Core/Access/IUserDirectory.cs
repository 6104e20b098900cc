namespace EcoDrive.Core.Access;

/// <summary>
/// Port: the users the system knows. Application services ask it about every user an operation names by id — a lead's
/// new owner, a follow-up's assignee — and refuse one it does not know (<see cref="UnknownUserException"/>). Register
/// your own (backed by your identity provider or HR directory) to replace the empty <see cref="InMemoryUserDirectory"/>
/// that <c>AddEcoDrive()</c> registers; a scoped registration is fine, it is resolved in each operation's scope.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The user with identity <paramref name="id"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="id">The user's identity.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    ValueTask<User?> FindAsync(UserId id, CancellationToken cancellationToken = default);
}
