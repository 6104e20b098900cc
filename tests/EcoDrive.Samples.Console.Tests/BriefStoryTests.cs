using Spectre.Console;

namespace EcoDrive.Samples.Console.Tests;

public sealed class BriefStoryTests
{
    private static async Task<string> RunAsync()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        await BriefStory.RunAsync(console);
        return output.ToString();
    }

    [Fact]
    public async Task Run_TellsTheWholeOrderJourneyWithInvoiceAndDashboard()
    {
        var text = await RunAsync();

        var statuses = new[] { "Submitted", "Confirmed", "InPreparation", "Shipped", "Invoiced", "Paid" }
            .Select(status => text.IndexOf($"│ {status}", StringComparison.Ordinal))
            .ToArray();
        Assert.All(statuses, index => Assert.True(index >= 0));
        Assert.Equal(statuses.Order(), statuses);
        Assert.Matches(@"Invoice FA-\d{4}-000001 to Camille Martin", text);
        Assert.Contains("linked to the existing customer: yes", text, StringComparison.Ordinal);
        Assert.Matches(@"as Backordered \(version 2\)[\s\S]*1 backordered order\(s\) confirmed[\s\S]*as Confirmed \(version 3\)", text);
        Assert.Matches(@"New orders\s+│ 2 ", text);
        Assert.Contains("33 % (1 of 3 leads)", text, StringComparison.Ordinal);
        Assert.Contains("[FAIL] permissions: Manon (marketing) (Marketing) lacks 'customers.read-contact'.", text, StringComparison.Ordinal);
        Assert.Matches(@"Revenue \(net of VAT\) — suv\s+│ 42,000.00 EUR", text);
    }

    [Fact]
    public async Task Run_ShowsOverdueFollowUpsAndSendsTheSuvPromotionOnlyToConsentingSuvFans()
    {
        var text = await RunAsync();

        Assert.Equal(2, text.Split("overdue since", StringSplitOptions.None).Length - 1);
        Assert.Contains("book the delivery appointment (Customer)", text, StringComparison.Ordinal);
        Assert.Contains("→ camille.martin@example.fr: Bonjour Camille, the Volt X5 SUV is yours with a free wall box", text, StringComparison.Ordinal);
        Assert.Contains("→ nina.petit@example.fr: Bonjour Nina,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("lea.garnier@example.fr", text, StringComparison.Ordinal);
        Assert.Contains("2 sent, 0 failed · left out: 1 without consent", text, StringComparison.Ordinal);
    }
}
