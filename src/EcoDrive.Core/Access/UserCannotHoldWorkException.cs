namespace EcoDrive.Core.Access;

/// <summary>
/// An operation hands work (a lead to own, a follow-up to do) to a known user whose role lacks the permission that work
/// needs — a marketing user made owner of a lead, for instance. Code: <c>user.cannot-hold-work</c>.
/// </summary>
public sealed class UserCannotHoldWorkException : DomainException
{
    /// <summary>Creates the error naming the user, the work and the permission it needs.</summary>
    /// <param name="user">The user the work was handed to.</param>
    /// <param name="work">The work, as a person reads it (<c>owner of lead 0190…</c>).</param>
    /// <param name="permission">The permission the work needs, which the user lacks.</param>
    public UserCannotHoldWorkException(User user, string work, Permission permission)
        : base(ErrorCodes.User.CannotHoldWork, $"{user?.Name} ({user?.Role}) cannot be made {work}: the role lacks '{permission}'. Choose a user whose role has it, or grant it to the role.")
    {
        ArgumentNullException.ThrowIfNull(user);
        UserId = user.Id;
        Work = work;
        Permission = permission;
    }

    /// <summary>The user the work was handed to.</summary>
    public UserId UserId { get; }

    /// <summary>The work they were to hold.</summary>
    public string Work { get; }

    /// <summary>The permission the work needs, which the user lacks.</summary>
    public Permission Permission { get; }
}
