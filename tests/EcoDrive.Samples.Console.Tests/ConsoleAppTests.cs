using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace EcoDrive.Samples.Console.Tests;

/// <summary>The commands run in-process, as a user would type them, against a temporary database.</summary>
public sealed class ConsoleAppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecodrive-console-").FullName;

    private string Db => Path.Combine(_folder, "ecodrive.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<CommandAppResult> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var tester = new CommandAppTester(null, new CommandAppTesterSettings(), console);
        tester.SetDefaultCommand<Commands.DemoCommand>();
        tester.Configure(config => ConsoleApp.Configure(config, console));
        return await tester.RunAsync(args);
    }

    [Fact]
    public async Task Demo_WithNoCommand_TellsTheWholeOrderJourneyWithInvoiceAndDashboard()
    {
        var result = await RunAsync("--db", Db, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        var statuses = new[] { "Submitted", "Confirmed", "InPreparation", "Shipped", "Invoiced", "Paid" }
            .Select(status => result.Output.IndexOf($"│ {status}", StringComparison.Ordinal))
            .ToArray();
        Assert.All(statuses, index => Assert.True(index >= 0));
        Assert.Equal(statuses.Order(), statuses);
        Assert.Matches(@"Invoice FA-\d{4}-000001 to Camille Martin", result.Output);
        Assert.Contains("linked to the existing customer: yes", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"as Backordered \(version 2\)[\s\S]*1 backordered order\(s\) confirmed[\s\S]*as Confirmed \(version 3\)", result.Output);
        Assert.Matches(@"New orders\s+│ 2 ", result.Output);
        Assert.Contains("33% (1 / 3)", result.Output, StringComparison.Ordinal);
        Assert.Contains("lacks 'customers.read-contact'", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 sent, 0 failed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_InFrench_FormatsMoneyAndDatesForFrance()
    {
        var result = await RunAsync("demo", "--db", Db, "--lang", "fr");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Chapitre 1", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Facture FA-\d{4}-000001 à Camille Martin : 42\s000,00\s€", result.Output);
    }

    [Fact]
    public async Task Dashboard_WhenTheDatabaseIsMissing_SaysHowToCreateItAndWritesNothing()
    {
        var result = await RunAsync("dashboard", "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"there is no EcoDrive database at {Db}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Dashboard_OnADatabase_ShowsTheThreeKpisWithThePreviousPeriod()
    {
        await RunAsync("demo", "--db", Db, "--lang", "en");

        var result = await RunAsync("dashboard", "--db", Db, "--lang", "en", "--from", "2026-01-01", "--to", "2026-02-01", "--bucket", "week");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("New orders", result.Output, StringComparison.Ordinal);
        Assert.Contains("Lead → customer conversion", result.Output, StringComparison.Ordinal);
        Assert.Contains("Previous period", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-13-01", "--from '2026-13-01' is not a date")]
    [InlineData("--bucket", "year", "--bucket 'year' is not a bucket")]
    [InlineData("--tz", "Mars/Olympus", "--tz 'Mars/Olympus' is not a known time zone")]
    [InlineData("--lang", "de", "--lang 'de' is not supported")]
    public async Task Dashboard_WithMalformedOption_ReportsOneLineAndFails(string option, string value, string message)
    {
        var result = await RunAsync("dashboard", "--db", Db, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.Trim().Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrderStatus_WithMalformedId_ReportsOneLineAndFails()
    {
        var result = await RunAsync("order", "status", "nope", "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'nope' is not an order id", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderStatus_WithUnknownId_ReportsOneLineAndFails()
    {
        File.WriteAllBytes(Db, []);
        await RunAsync("invoices", "--db", Db);

        var result = await RunAsync("order", "status", Guid.CreateVersion7().ToString(), "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: No order with id", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessExplain_WithUnknownUser_ListsTheDemoUsers()
    {
        File.WriteAllBytes(Db, []);

        var result = await RunAsync("access", "explain", "bob", Guid.CreateVersion7().ToString(), "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no demo user 'bob': use one of alex, sophie", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoices_OnAnEmptyDatabase_SaysThereIsNothing()
    {
        File.WriteAllBytes(Db, []);

        var result = await RunAsync("invoices", "--overdue", "--db", Db, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to show", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithUnknownCommand_FailsWithOneLine()
    {
        var result = await RunAsync("frobnicate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_OnEveryCommand_ListsItsOptions()
    {
        foreach (var command in new[] { new[] { "dashboard" }, ["order", "watch"], ["generate"], ["access", "explain"] })
        {
            var result = await RunAsync([.. command, "--help"]);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--db", result.Output, StringComparison.Ordinal);
        }
    }
}
