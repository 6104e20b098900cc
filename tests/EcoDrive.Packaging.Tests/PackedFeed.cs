namespace EcoDrive.Packaging.Tests;

/// <summary>
/// Every src/ project packed once, as CI packs a release (<c>ContinuousIntegrationBuild</c>: source paths mapped to
/// <c>/_/</c>), with a version of its own, into a folder feed that the tests of the <see cref="Collection"/> share.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>The collection of the tests that read the packages.</summary>
    public const string Collection = "packed feed";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("ecodrive-pack-");

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Feed => Path.Combine(_work.FullName, "feed");

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; } = $"0.0.0-pack.{DateTime.UtcNow:yyyyMMddHHmmss}";

    /// <summary>The shipped packages: one per project under src/.</summary>
    public static IReadOnlyList<string> Packages { get; } =
        Directory.GetFiles(Path.Combine(PackAndConsumeTests.RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    /// <summary>The package's file in the feed.</summary>
    /// <param name="package">The package id.</param>
    /// <param name="extension"><c>nupkg</c> or <c>snupkg</c>.</param>
    public string PathOf(string package, string extension) => Path.Combine(Feed, $"{package}.{Version}.{extension}");

    public async Task InitializeAsync()
    {
        var root = PackAndConsumeTests.RepositoryRoot();
        Directory.CreateDirectory(Feed);
        foreach (var project in Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            await PackAndConsumeTests.RunAsync(root, "dotnet", "pack", project, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}", "-p:ContinuousIntegrationBuild=true");
        }
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(PackedFeed.Collection)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>;
