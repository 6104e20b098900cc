using EcoDrive.Core.Access;

namespace EcoDrive.Application;

/// <summary>Checks on a user that an operation hands work to by id: a lead's new owner, a follow-up's assignee.</summary>
internal static class WorkHolders
{
    /// <summary>
    /// Throws unless <paramref name="holderId"/> is the actor, or a user the <paramref name="users"/> directory knows
    /// whose role holds <paramref name="permission"/>. Run it before writing, so that a refusal writes nothing.
    /// </summary>
    /// <exception cref="UnknownUserException">The directory does not know the user.</exception>
    /// <exception cref="UserCannotHoldWorkException">The user's role lacks <paramref name="permission"/>.</exception>
    public static async Task RequireWorkHolderAsync(
        this IUserDirectory users, IAccessPolicy access, User actor, UserId holderId, Permission permission, string work, CancellationToken cancellationToken)
    {
        if (holderId == actor.Id)
        {
            return;
        }

        var holder = await users.FindAsync(holderId, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownUserException(holderId, work);
        if (!access.IsGranted(holder, permission))
        {
            throw new UserCannotHoldWorkException(holder, work, permission);
        }
    }
}
