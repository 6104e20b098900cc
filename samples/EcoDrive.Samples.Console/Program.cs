// EcoDrive on the command line: with no arguments, the brief's story on a SQLite file that each run continues;
// `--help` lists the other commands (dashboard, order status/watch, access explain, campaigns, follow-ups, stock,
// invoices, generate).
using EcoDrive.Samples.Console;
using Spectre.Console;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ConsoleApp.Create(AnsiConsole.Console).RunAsync(args, cancel.Token);
