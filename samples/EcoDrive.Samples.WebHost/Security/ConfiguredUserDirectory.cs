using EcoDrive.Core;
using EcoDrive.Core.Access;

namespace EcoDrive.Samples.WebHost.Security;

/// <summary>
/// EcoDrive's <see cref="IUserDirectory"/> over the host's configured users: the users the SDK accepts as lead owners
/// and follow-up assignees are exactly those that hold an API key here.
/// </summary>
internal sealed class ConfiguredUserDirectory(UserDirectory users) : IUserDirectory
{
    public ValueTask<User?> FindAsync(UserId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(users.FindById(id.Value)?.ToUser());
}
