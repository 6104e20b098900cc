using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace EcoDrive.Packaging.Tests;

/// <summary>
/// The packages as a team gets them: every src/ project is packed into a local folder feed, then a fresh application
/// written from docs/getting-started.md — and nothing else — references them by package, builds and runs the brief's
/// order journey.
/// </summary>
public sealed partial class PackAndConsumeTests
{
    private static readonly string s_root = RepositoryRoot();

    [Fact]
    public async Task GettingStarted_FromPackedPackages_BuildsAndRunsTheOrderJourney()
    {
        var work = Directory.CreateTempSubdirectory("ecodrive-pack-");
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            var version = $"0.0.0-pack.{DateTime.UtcNow:yyyyMMddHHmmss}";
            foreach (var project in Directory.GetFiles(Path.Combine(s_root, "src"), "*.csproj", SearchOption.AllDirectories))
            {
                await RunAsync(s_root, "dotnet", "pack", project, "-c", "Release", "-o", feed, $"-p:PackageVersion={version}");
            }

            var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToArray();
            Assert.Contains($"EcoDrive.Core.{version}.nupkg", packages);
            Assert.Contains($"EcoDrive.Core.{version}.snupkg", Directory.GetFiles(feed, "*.snupkg").Select(Path.GetFileName));
            Assert.DoesNotContain(packages, p => p!.Contains("Tests", StringComparison.Ordinal) || p.Contains("Samples", StringComparison.Ordinal));

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "MyDealer")).FullName;
            var guide = await File.ReadAllTextAsync(Path.Combine(s_root, "docs", "getting-started.md"));
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), CodeBlock(guide, "csharp"));
            await File.WriteAllTextAsync(Path.Combine(app, "MyDealer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="EcoDrive.Integration" Version="{version}" />
                    <PackageReference Include="EcoDrive.Storage.InMemory" Version="{version}" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
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

            var output = await RunAsync(app, "dotnet", "run", "-c", "Release", "--property:NuGetAudit=false");

            Assert.Matches(@"Invoice FA-\d{4}-000001: 50400\.00 EUR", output);
            Assert.Contains("Submitted → Confirmed → InPreparation → Shipped → Invoiced → Paid", output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string CodeBlock(string markdown, string language) =>
        CodeBlockPattern().Matches(markdown).Single(m => m.Groups["lang"].Value == language).Groups["code"].Value;

    private static async Task<string> RunAsync(string directory, string file, params string[] arguments)
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

    private static string RepositoryRoot()
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
}
