using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace EcoDrive.Packaging.Tests;

/// <summary>
/// What each shipped package carries besides its assembly: icon, README, release notes, repository and commit, the
/// dependency floors, and symbols a debugger can step through (SourceLink to the commit's sources, deterministic build).
/// </summary>
[Collection(PackedFeed.Collection)]
public sealed class PackageMetadataTests(PackedFeed packed)
{
    private const string RepositoryUrl = "https://github.com/ecodrive-core/EcoDrive.Core";

    private static readonly Guid s_sourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid s_compilationOptions = new("B5FEEC05-8CD0-4A83-96DA-466284BB4BD8");

    public static TheoryData<string> Packages() => new(PackedFeed.Packages);

    [Fact]
    public void Feed_HoldsAPackageAndASymbolPackagePerSrcProject()
    {
        Assert.Contains("EcoDrive.Testing.XunitV3", PackedFeed.Packages);
        Assert.All(PackedFeed.Packages, package =>
        {
            Assert.True(File.Exists(packed.PathOf(package, "nupkg")), $"{package}.nupkg is missing");
            Assert.True(File.Exists(packed.PathOf(package, "snupkg")), $"{package}.snupkg is missing");
        });
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_CarriesIconReadmeReleaseNotesAndRepository(string package)
    {
        using var nupkg = ZipFile.OpenRead(packed.PathOf(package, "nupkg"));
        var metadata = Nuspec(nupkg);
        var changelog = File.ReadAllLines(Path.Combine(PackAndConsumeTests.RepositoryRoot(), "CHANGELOG.md"));
        var currentRelease = changelog.First(line => line.StartsWith("## ", StringComparison.Ordinal));

        Assert.Equal("icon.png", Element(metadata, "icon"));
        Assert.NotNull(nupkg.GetEntry("icon.png"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        Assert.NotNull(nupkg.GetEntry("README.md"));
        var notes = Element(metadata, "releaseNotes");
        Assert.StartsWith(currentRelease, notes, StringComparison.Ordinal);
        Assert.Contains($"{RepositoryUrl}/blob/main/CHANGELOG.md", notes, StringComparison.Ordinal);
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(RepositoryUrl, (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
    }

    /// <summary>Library packages do not force the newest Microsoft.Extensions.* on their users: see docs/decisions.md.</summary>
    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_DependsOnMicrosoftExtensionsFromVersion8(string package)
    {
        using var nupkg = ZipFile.OpenRead(packed.PathOf(package, "nupkg"));
        var extensions = Nuspec(nupkg).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Where(e => ((string)e.Attribute("id")!).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));

        Assert.All(extensions, dependency => Assert.StartsWith("8.", (string)dependency.Attribute("version")!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void SymbolPackage_HasSourceLinkToTheCommitAndMatchesADeterministicAssembly(string package)
    {
        using var nupkg = ZipFile.OpenRead(packed.PathOf(package, "nupkg"));
        using var snupkg = ZipFile.OpenRead(packed.PathOf(package, "snupkg"));
        var commit = (string)Nuspec(nupkg).Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit")!;
        using var assembly = new PEReader(Read(nupkg, $"lib/net10.0/{package}.dll"));
        using var symbols = MetadataReaderProvider.FromPortablePdbStream(Read(snupkg, $"lib/net10.0/{package}.pdb"));
        var pdb = symbols.GetMetadataReader();

        // Deterministic: the assembly says it is reproducible, and its debug entry names this very PDB.
        var debugEntries = assembly.ReadDebugDirectory();
        Assert.Contains(debugEntries, e => e.Type == DebugDirectoryEntryType.Reproducible);
        var codeView = assembly.ReadCodeViewDebugDirectoryData(debugEntries.Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        Assert.Equal(codeView.Guid, new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid);
        Assert.Equal("release", CompilationOptions(pdb)["optimization"]);

        // Built as CI builds a release: source paths mapped to /_/, and SourceLink from there to the commit on GitHub.
        Assert.All(pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)), path => Assert.StartsWith("/_/", path, StringComparison.Ordinal));
        var sourceLink = JsonDocument.Parse(CustomDebugInformation(pdb, s_sourceLink)).RootElement.GetProperty("documents");
        Assert.Equal(
            $"https://raw.githubusercontent.com/ecodrive-core/EcoDrive.Core/{commit}/*",
            sourceLink.GetProperty("/_/*").GetString());
    }

    private static XElement Nuspec(ZipArchive nupkg)
    {
        using var stream = nupkg.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? throw new InvalidOperationException($"The nuspec has no <{name}>.");

    private static MemoryStream Read(ZipArchive archive, string path)
    {
        var entry = archive.GetEntry(path) ?? throw new InvalidOperationException($"{path} is not in the package.");
        using var stream = entry.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static byte[] CustomDebugInformation(MetadataReader pdb, Guid kind) =>
        pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(pdb.GetCustomDebugInformation)
            .Where(info => pdb.GetGuid(info.Kind) == kind)
            .Select(info => pdb.GetBlobBytes(info.Value))
            .Single();

    /// <summary>The compiler's options recorded in the PDB: pairs of zero-terminated UTF-8 strings.</summary>
    private static Dictionary<string, string> CompilationOptions(MetadataReader pdb)
    {
        var parts = Encoding.UTF8.GetString(CustomDebugInformation(pdb, s_compilationOptions)).Split('\0');
        return Enumerable.Range(0, parts.Length / 2).ToDictionary(i => parts[2 * i], i => parts[(2 * i) + 1], StringComparer.Ordinal);
    }
}

/// <summary>Package validation compares every version after the first release with it (docs/decisions.md).</summary>
public sealed class PackageValidationTests
{
    [Theory]
    [InlineData("0.1.0", "")]
    [InlineData("0.2.0", "0.1.0")]
    [InlineData("0.2.0-preview.1", "0.1.0")]
    public async Task Baseline_ForAVersion_IsTheFirstReleaseOnceThereIsOne(string version, string baseline)
    {
        var root = PackAndConsumeTests.RepositoryRoot();
        var output = await PackAndConsumeTests.RunAsync(
            root, "dotnet", "msbuild", Path.Combine(root, "src", "EcoDrive.Core", "EcoDrive.Core.csproj"), "-getProperty:PackageValidationBaselineVersion", $"-p:Version={version}");

        Assert.Equal(baseline, output.Trim());
    }
}
