using System.Reflection;
using PublicApiGenerator;
using Snapshooter;
using Snapshooter.Xunit;

namespace EcoDrive.PublicApi.Tests;

/// <summary>
/// The public API of every package, kept as an approved snapshot: any change to it shows up as a diff in review. To
/// accept a deliberate change, delete the package's file under <c>__snapshots__</c> and run the tests again.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages() =>
        ["EcoDrive.Core", "EcoDrive.Crm", "EcoDrive.Erp", "EcoDrive.Kpi", "EcoDrive.Application", "EcoDrive.Storage.InMemory", "EcoDrive.Storage.Sqlite", "EcoDrive.Storage.PostgreSql", "EcoDrive.Testing"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicApi_IsTheApprovedOne(string package)
    {
        var assembly = Assembly.Load(package);

        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] });

        Snapshot.Match(api, SnapshotNameExtension.Create(package));
    }
}
