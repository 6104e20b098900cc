namespace EcoDrive.Core.Access;

/// <summary>Port: decides whether a user holds a permission. Replace it to plug in your own role map or directory.</summary>
public interface IAccessPolicy
{
    /// <summary>Whether <paramref name="user"/> holds <paramref name="permission"/>.</summary>
    /// <param name="user">The acting user.</param>
    /// <param name="permission">The permission an operation needs.</param>
    bool IsGranted(User user, Permission permission);
}

/// <summary>Checks on top of any <see cref="IAccessPolicy"/>.</summary>
public static class AccessPolicyExtensions
{
    /// <summary>Throws unless <paramref name="user"/> holds <paramref name="permission"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="user">The acting user.</param>
    /// <param name="permission">The permission the operation needs.</param>
    /// <exception cref="PermissionDeniedException">The user lacks the permission.</exception>
    public static void Demand(this IAccessPolicy policy, User user, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(user);
        if (!policy.IsGranted(user, permission))
        {
            throw new PermissionDeniedException(user, permission);
        }
    }
}
