namespace EcoDrive.Core.Access;

/// <summary>The acting user lacks the permission an operation needs. Code: <c>access.permission-denied</c>.</summary>
public sealed class PermissionDeniedException : DomainException
{
    /// <summary>Creates the error naming the user and the missing permission.</summary>
    /// <param name="user">The acting user.</param>
    /// <param name="permission">The missing permission.</param>
    public PermissionDeniedException(User user, Permission permission)
        : base(ErrorCodes.Access.PermissionDenied, $"{user?.Name} ({user?.Role}) lacks the permission '{permission}'. Ask an administrator to grant it to the role, or act as a user who has it.")
    {
        ArgumentNullException.ThrowIfNull(user);
        UserId = user.Id;
        Permission = permission;
    }

    /// <summary>The user who was refused.</summary>
    public UserId UserId { get; }

    /// <summary>The permission that is missing.</summary>
    public Permission Permission { get; }
}
