using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EcoDrive.Docs.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the documentation — docs/*.md, README.md and the package READMEs that NuGet shows —
/// compiles as it is written: a program of its own (top-level statements, or only type declarations), with the usings
/// it declares plus a console project's implicit usings, against the EcoDrive assemblies and the framework's reference
/// assemblies, nullable on and warnings as errors. A block may opt out only with the info string
/// <c>```csharp fragment</c>, and only when <see cref="AllowedFragments"/> names it.
/// </summary>
public sealed partial class CodeBlockTests
{
    /// <summary>Blocks allowed to be fragments, as "path#index"; keep it empty.</summary>
    private static readonly HashSet<string> AllowedFragments = new(StringComparer.Ordinal);

    private static readonly string s_root = RepositoryRoot();

    private static readonly Lazy<MetadataReference[]> s_references = new(LoadReferences);

    private static readonly SyntaxTree s_implicitUsings = CSharpSyntaxTree.ParseText(
        """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """,
        ParseOptions,
        path: "ImplicitUsings.g.cs");

    private static CSharpParseOptions ParseOptions => new(LanguageVersion.Latest);

    /// <summary>Each C# block, named after its file and its index among that file's C# blocks.</summary>
    public static TheoryData<string> Blocks()
    {
        var blocks = new TheoryData<string>();
        foreach (var block in DocumentedFiles().SelectMany(CSharpBlocks))
        {
            blocks.Add(block.Name);
        }

        return blocks;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void CodeBlock_AsWritten_Compiles(string block)
    {
        var found = DocumentedFiles().SelectMany(CSharpBlocks).Single(b => b.Name == block);
        if (found.IsFragment)
        {
            Assert.True(AllowedFragments.Contains(block), $"{block} (line {found.FirstLine}) is marked as a fragment; make it a complete program, or list it in {nameof(AllowedFragments)} with the reason.");
            return;
        }

        var tree = CSharpSyntaxTree.ParseText(found.Code, ParseOptions, path: found.File);
        var isProgram = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "DocBlock",
            [s_implicitUsings, tree],
            s_references.Value,
            new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // As the .NET SDK does (NoWarn CS1701;CS1702): an assembly built against an older version of a reference
                // (the packages' dependency floors) binds to the newer one the application runs with.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

        using var assembly = new MemoryStream();
        var problems = compilation.Emit(assembly).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{found.File}:{found.FirstLine + d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.True(problems.Count == 0, $"{block} does not compile:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void Blocks_AreFoundInTheGuideAndThePackageReadmes()
    {
        var names = DocumentedFiles().SelectMany(CSharpBlocks).Select(b => b.Name).ToList();

        Assert.Contains("docs/getting-started.md#1", names);
        Assert.Contains("src/EcoDrive.Kpi/README.md#1", names);
        Assert.Contains("README.md#1", names);
    }

    [Fact]
    public void StorageGuide_NamesEveryContractClassTheTestingPackageShips()
    {
        var guide = File.ReadAllText(Path.Combine(s_root, "docs", "storage.md"));
        var readme = File.ReadAllText(Path.Combine(s_root, "src", "EcoDrive.Testing", "README.md"));
        var contracts = typeof(EcoDrive.Testing.StorageContract).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSubclassOf(typeof(EcoDrive.Testing.StorageContract)))
            .Select(t => t.Name)
            .ToList();

        Assert.NotEmpty(contracts);
        Assert.All(contracts, name => Assert.Contains($"`{name}`", guide, StringComparison.Ordinal));
        Assert.All(contracts, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
    }

    private static IEnumerable<string> DocumentedFiles() =>
        Directory.GetFiles(Path.Combine(s_root, "docs"), "*.md")
            .Append(Path.Combine(s_root, "README.md"))
            .Concat(Directory.GetDirectories(Path.Combine(s_root, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists))
            .Select(f => Path.GetRelativePath(s_root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<CodeBlock> CSharpBlocks(string file)
    {
        var markdown = File.ReadAllText(Path.Combine(s_root, file)).ReplaceLineEndings("\n");
        var index = 0;
        foreach (Match fence in FencePattern().Matches(markdown))
        {
            var info = fence.Groups["info"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (info.Length == 0 || info[0] != "csharp")
            {
                continue;
            }

            index++;
            var firstLine = markdown.AsSpan(0, fence.Groups["code"].Index).Count('\n') + 1;
            yield return new CodeBlock(file, index, firstLine, fence.Groups["code"].Value, info.Contains("fragment"));
        }
    }

    /// <summary>The framework's reference assemblies (the targeting pack beside the running runtime), and every other assembly this test runs with: EcoDrive's, their dependencies, xunit's.</summary>
    private static MetadataReference[] LoadReferences()
    {
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var application = platform.Where(p => Path.GetDirectoryName(p) != runtimeDirectory);
        var framework = ReferencePack(runtimeDirectory) is { } pack
            ? Directory.GetFiles(pack, "*.dll")
            : platform.Where(p => Path.GetDirectoryName(p) == runtimeDirectory);
        return [.. framework.Concat(application).Select(p => MetadataReference.CreateFromFile(p))];
    }

    /// <summary><c>{dotnet}/packs/Microsoft.NETCore.App.Ref/{version}/ref/net{major}.{minor}</c> for the running runtime's version, or the newest of its major version.</summary>
    private static string? ReferencePack(string runtimeDirectory)
    {
        var runtime = new DirectoryInfo(runtimeDirectory);
        var dotnet = runtime.Parent?.Parent?.Parent;
        var packs = dotnet is null ? null : new DirectoryInfo(Path.Combine(dotnet.FullName, "packs", "Microsoft.NETCore.App.Ref"));
        if (packs is null || !packs.Exists)
        {
            return null;
        }

        var version = Environment.Version;
        var target = $"net{version.Major}.{version.Minor}";
        return packs.GetDirectories()
            .Where(d => d.Name == runtime.Name || d.Name.StartsWith($"{version.Major}.", StringComparison.Ordinal))
            .OrderByDescending(d => d.Name == runtime.Name)
            .ThenByDescending(d => Version.TryParse(d.Name.Split('-')[0], out var v) ? v : new Version())
            .Select(d => Path.Combine(d.FullName, "ref", target))
            .FirstOrDefault(Directory.Exists);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EcoDrive.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EcoDrive.Core.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^```(?<info>[^`\\n]*)\\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencePattern();

    private sealed record CodeBlock(string File, int Index, int FirstLine, string Code, bool IsFragment)
    {
        public string Name => $"{File}#{Index}";
    }
}
