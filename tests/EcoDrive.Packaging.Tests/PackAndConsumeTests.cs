using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcoDrive.Packaging.Tests;

/// <summary>
/// The packages as a team gets them: every src/ project packed into a local folder feed (<see cref="PackedFeed"/>), then a fresh application
/// written from docs/getting-started.md — and nothing else: its <c>dotnet add package</c> commands and its Program.cs —
/// references them by package, builds and runs the brief's story on SQLite, and prints what the guide says it prints.
/// </summary>
[Collection(PackedFeed.Collection)]
public sealed partial class PackAndConsumeTests(PackedFeed packed)
{
    private static readonly string s_root = RepositoryRoot();

    [Fact]
    public async Task GettingStarted_FromPackedPackages_BuildsAndRunsTheBriefsStory()
    {
        var work = Directory.CreateTempSubdirectory("ecodrive-consume-");
        try
        {
            var feed = packed.Feed;
            var version = packed.Version;
            var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToArray();
            Assert.Contains($"EcoDrive.Core.{version}.nupkg", packages);
            Assert.Contains($"EcoDrive.Core.{version}.snupkg", Directory.GetFiles(feed, "*.snupkg").Select(Path.GetFileName));
            Assert.DoesNotContain(packages, p => p!.Contains("Tests", StringComparison.Ordinal) || p.Contains("Samples", StringComparison.Ordinal));

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "MyDealer")).FullName;
            var guide = await File.ReadAllTextAsync(Path.Combine(s_root, "docs", "getting-started.md"));
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), CodeBlock(guide, "csharp"));
            var references = string.Join(
                Environment.NewLine,
                AddedPackages(guide).Select(p => $"""    <PackageReference Include="{p}" Version="{(p.StartsWith("EcoDrive.", StringComparison.Ordinal) ? version : CentralVersionOf(p))}" />"""));
            await File.WriteAllTextAsync(Path.Combine(app, "MyDealer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                {references}
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="ecodrive-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

            // `dotnet run` runs the program in the project's folder, so its SQLite file lands in this test's folder.
            var output = await RunAsync(app, "dotnet", "run", "-c", "Release", "--property:NuGetAudit=false");

            Assert.True(File.Exists(Path.Combine(app, "mydealer.db")), $"The guide's SQLite file is not in {app}.");
            Assert.Matches(@"Invoice FA-\d{4}-000001: 50400\.00 EUR", output);
            Assert.Contains("Submitted → Confirmed → InPreparation → Shipped → Invoiced → Paid", output, StringComparison.Ordinal);
            Assert.Contains("Lead Won: Lucas Bernard is now a customer", output, StringComparison.Ordinal);
            Assert.Contains("Campaign audience: 1 recipient(s), 2 matched, 1 without consent", output, StringComparison.Ordinal);
            Assert.Contains("New orders: 1", output, StringComparison.Ordinal);
            Assert.Contains("SUV revenue (net of VAT): 42000.00 EUR", output, StringComparison.Ordinal);
            Assert.Contains("Manon cannot see the contact details of customer", output, StringComparison.Ordinal);
            Assert.Contains("[FAIL] permissions: Manon (Marketing) lacks 'customers.read-contact'.", output, StringComparison.Ordinal);

            // The output the guide shows is the output the program prints, but for ids and the invoice's year.
            var printed = Normalise(output).Split('\n').ToHashSet(StringComparer.Ordinal);
            var missing = Normalise(CodeBlock(guide, "text")).Split('\n').Where(l => l.Length > 0 && !printed.Contains(l)).ToList();
            Assert.True(missing.Count == 0, $"getting-started.md shows lines the program does not print:\n{string.Join('\n', missing)}\n\nIt printed:\n{output}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The packages the guide's own <c>dotnet add package</c> commands add, in their order.</summary>
    private static IReadOnlyList<string> AddedPackages(string markdown)
    {
        var packages = AddPackagePattern().Matches(markdown).Select(m => m.Groups["package"].Value).ToList();
        Assert.Contains("EcoDrive.Application", packages);
        return packages;
    }

    /// <summary>The version Directory.Packages.props pins for a third-party package the guide adds.</summary>
    private static string CentralVersionOf(string package)
    {
        var props = XDocument.Load(Path.Combine(s_root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion").SingleOrDefault(e => (string?)e.Attribute("Include") == package)?.Attribute("Version")?.Value
            ?? throw new InvalidOperationException($"getting-started.md adds {package}, which Directory.Packages.props does not pin.");
    }

    private static string Normalise(string text) =>
        YearPattern().Replace(GuidPattern().Replace(text.ReplaceLineEndings("\n"), "<id>"), "FA-yyyy-").TrimEnd();

    private static string CodeBlock(string markdown, string language) =>
        CodeBlockPattern().Matches(markdown).Single(m => m.Groups["lang"].Value == language).Groups["code"].Value;

    internal static async Task<string> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NUGET_PACKAGES"] = Path.Combine(Path.GetTempPath(), "ecodrive-pack-packages");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed in {directory}:\n{output}");
        return output.ToString();
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

    [GeneratedRegex("```(?<lang>[a-z]+)\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlockPattern();

    [GeneratedRegex(@"^dotnet add package (?<package>[A-Za-z0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AddPackagePattern();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"FA-\d{4}-")]
    private static partial Regex YearPattern();
}
