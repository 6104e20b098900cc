using EcoDrive.Core.Access;

namespace EcoDrive.Core.Tests.Access;

public sealed class InMemoryUserDirectoryTests
{
    private static readonly User s_sophie = new(UserId.New(), "Sophie", Role.Salesperson);

    [Fact]
    public async Task Find_InANewDirectory_KnowsNobody()
    {
        Assert.Null(await new InMemoryUserDirectory().FindAsync(s_sophie.Id));
    }

    [Fact]
    public async Task Find_AfterAdd_ReturnsTheUser_AndALaterAddReplacesIt()
    {
        var directory = new InMemoryUserDirectory([s_sophie]);
        var promoted = s_sophie with { Role = Role.SalesDirector };

        Assert.Equal(s_sophie, await directory.FindAsync(s_sophie.Id));
        directory.Add(promoted);
        Assert.Equal(promoted, await directory.FindAsync(s_sophie.Id));
        Assert.Single(directory.Users);
    }

    [Fact]
    public async Task Add_FromManyThreads_KeepsEveryUser()
    {
        var directory = new InMemoryUserDirectory();
        var users = Enumerable.Range(0, 1_000).Select(i => new User(UserId.New(), $"user {i}", Role.Salesperson)).ToArray();

        await Parallel.ForEachAsync(users, (user, _) =>
        {
            directory.Add(user);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(users.Length, directory.Users.Count);
        foreach (var user in users)
        {
            Assert.Equal(user, await directory.FindAsync(user.Id));
        }
    }
}
