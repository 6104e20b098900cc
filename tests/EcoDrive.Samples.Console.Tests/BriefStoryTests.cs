using Spectre.Console;

namespace EcoDrive.Samples.Console.Tests;

public sealed class BriefStoryTests
{
    [Fact]
    public async Task Run_TellsTheWholeOrderJourneyWithInvoiceAndDashboard()
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

        var text = output.ToString();
        var statuses = new[] { "Submitted", "Confirmed", "InPreparation", "Shipped", "Invoiced", "Paid" }
            .Select(status => text.IndexOf($"│ {status}", StringComparison.Ordinal))
            .ToArray();
        Assert.All(statuses, index => Assert.True(index >= 0));
        Assert.Equal(statuses.Order(), statuses);
        Assert.Matches(@"Invoice FA-\d{4}-000001 to Camille Martin", text);
        Assert.Contains("linked to the existing customer: yes", text, StringComparison.Ordinal);
        Assert.Matches(@"as Backordered \(version 2\)[\s\S]*1 backordered order\(s\) confirmed[\s\S]*as Confirmed \(version 3\)", text);
        Assert.Matches(@"New orders\s+│ 2 ", text);
        Assert.Contains("50 % (1 of 2 leads)", text, StringComparison.Ordinal);
        Assert.Matches(@"Revenue \(net of VAT\) — suv\s+│ 42,000.00 EUR", text);
    }
}
