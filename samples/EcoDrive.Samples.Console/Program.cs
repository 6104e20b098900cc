// The brief's story, end to end: a customer interested in SUVs, a lead won, overdue follow-ups, an order that
// travels CRM → ERP → CRM, its invoice and payment, a targeted SUV campaign, and the sales director's dashboard.
using EcoDrive.Samples.Console;
using Spectre.Console;

try
{
    await BriefStory.RunAsync(AnsiConsole.Console);
    return 0;
}
catch (EcoDrive.Core.DomainException error)
{
    AnsiConsole.MarkupLineInterpolated($"[red]{error.Code}[/]: {error.Message}");
    return 1;
}
