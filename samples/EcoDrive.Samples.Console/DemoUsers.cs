using EcoDrive.Core;
using EcoDrive.Core.Access;

namespace EcoDrive.Samples.Console;

/// <summary>The brief's cast, with fixed ids so that every run of the sample acts as the same people.</summary>
internal static class DemoUsers
{
    public static User Admin { get; } = Create("0196a000-0000-7000-8000-000000000001", "Alex (admin)", Role.Administrator);
    public static User Sophie { get; } = Create("0196a000-0000-7000-8000-000000000002", "Sophie (sales)", Role.Salesperson);
    public static User Marc { get; } = Create("0196a000-0000-7000-8000-000000000003", "Marc (warehouse)", Role.Warehouse);
    public static User Claire { get; } = Create("0196a000-0000-7000-8000-000000000004", "Claire (accounting)", Role.Accountant);
    public static User Helene { get; } = Create("0196a000-0000-7000-8000-000000000005", "Hélène (sales director)", Role.SalesDirector);
    public static User Manon { get; } = Create("0196a000-0000-7000-8000-000000000006", "Manon (marketing)", Role.Marketing);

    public static IReadOnlyList<User> All { get; } = [Admin, Sophie, Marc, Claire, Helene, Manon];

    /// <summary>A demo user by first name ("manon", "Hélène" or "helene") or by id.</summary>
    public static User Find(string nameOrId)
    {
        var match = All.FirstOrDefault(u =>
            u.Id.ToString().Equals(nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Compare(u.Name.Split(' ')[0], nameOrId, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) == 0);
        return match ?? throw new UsageException(
            $"no demo user '{nameOrId}': use one of {string.Join(", ", All.Select(u => u.Name.Split(' ')[0].ToLowerInvariant()))} or their id.");
    }

    public static string NameOf(UserId id) => All.FirstOrDefault(u => u.Id == id)?.Name ?? id.ToString();

    private static User Create(string id, string name, Role role) => new(UserId.Parse(id), name, role);
}
