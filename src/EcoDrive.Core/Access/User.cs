namespace EcoDrive.Core.Access;

/// <summary>Someone who acts in the system: who did a change, and what they may do.</summary>
/// <param name="Id">The user's identity.</param>
/// <param name="Name">The user's display name.</param>
/// <param name="Role">The user's role.</param>
public sealed record User(UserId Id, string Name, Role Role)
{
    /// <summary>The user's name and role.</summary>
    public override string ToString() => $"{Name} ({Role})";
}
