namespace EcoDrive.Core.Access;

/// <summary>
/// An operation names a user (a lead's owner, a follow-up's assignee) that the <see cref="IUserDirectory"/> does not
/// know. Code: <c>user.unknown</c>.
/// </summary>
public sealed class UnknownUserException : DomainException
{
    /// <summary>Creates the error naming the unknown user and the work they were to hold.</summary>
    /// <param name="userId">The identity that is not in the directory.</param>
    /// <param name="work">The work, as a person reads it (<c>owner of lead 0190…</c>).</param>
    public UnknownUserException(UserId userId, string work)
        : base(ErrorCodes.User.Unknown, $"No user with id {userId} is known, so they cannot be made {work}. Check the id, or register the user in the user directory (IUserDirectory) first.")
    {
        UserId = userId;
        Work = work;
    }

    /// <summary>The identity that is not in the directory.</summary>
    public UserId UserId { get; }

    /// <summary>The work they were to hold.</summary>
    public string Work { get; }
}
