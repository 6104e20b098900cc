using System.Globalization;
using Microsoft.Data.Sqlite;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace EcoDrive.Samples.Console.Tests;

/// <summary>The commands run in-process, as a user would type them, against a temporary database.</summary>
public sealed class ConsoleAppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecodrive-console-").FullName;

    private string Db => Path.Combine(_folder, "ecodrive.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

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
    public async Task Dashboard_InFrench_FormatsMoneyCountsAndDatesForFrance()
    {
        await RunAsync("demo", "--db", Db, "--lang", "en");

        var french = await RunAsync("dashboard", "--db", Db, "--lang", "fr");
        var english = await RunAsync("dashboard", "--db", Db, "--lang", "en");

        Assert.Equal(0, french.ExitCode);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} → \d{2}/\d{2}/\d{4}", french.Output);
        Assert.Matches(@"Chiffre d'affaires HT — total\s+│ 42\s000,00\s€", french.Output);
        Assert.Matches(@"Revenue \(net of VAT\) — total\s+│ €42,000\.00", english.Output);
        Assert.DoesNotContain("€42,000.00", french.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoices_WithoutLang_FollowTheSystemCulture()
    {
        await RunAsync("demo", "--db", Db, "--lang", "en");
        var system = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CommandAppResult result;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            result = await RunAsync("invoices", "--db", Db);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = system;
        }

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Reste dû", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4}\s+│ 50\s400,00\s€", result.Output);
    }

    [Fact]
    public async Task Generate_WhenTheDatabaseIsLocked_SaysSoInOneLineAndWritesNothing()
    {
        await RunAsync("generate", "--db", Db, "--customers", "3", "--orders", "10", "--lang", "en");
        var before = Count("orders");
        await using var other = new SqliteConnection($"Data Source={Db};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        var result = await RunAsync("generate", "--db", Db, "--customers", "3", "--orders", "10", "--lang", "en");

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Output.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("the database is locked by another program", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, Count("orders"));
    }

    [Fact]
    public async Task Generate_AYearOfHistory_ImportsItAndTheDashboardCountsIt()
    {
        var result = await RunAsync("generate", "--db", Db, "--customers", "20", "--orders", "300", "--batch", "100", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Imported 20 customers, 40 leads, 300 orders and \d+ invoices in", result.Output);
        Assert.Equal((20L, 40L, 300L, 300L), (Count("customers"), Count("leads"), Count("orders"), Count("order_views")));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dashboard = await RunAsync(
            "dashboard", "--db", Db, "--lang", "en", "--from", today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--to", today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Matches(@"New orders\s+│ 300 ", dashboard.Output);
    }

    [Fact]
    public async Task Generate_IntoADatabaseWithLaterInvoices_RefusesInOneLineAndWritesNothing()
    {
        await RunAsync("demo", "--db", Db, "--lang", "en");
        var before = Count("orders");

        var result = await RunAsync("generate", "--db", Db, "--customers", "5", "--orders", "20", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invoice numbers follow issue times", result.Output.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, Count("orders"));
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
