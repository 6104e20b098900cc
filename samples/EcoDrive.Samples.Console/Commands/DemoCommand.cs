using EcoDrive.Erp.Purchasing;
using Spectre.Console;

namespace EcoDrive.Samples.Console.Commands;

/// <summary>The default command: the brief's story, one more chapter on each run.</summary>
internal sealed class DemoCommand(IAnsiConsole console) : EcoDriveCommand<EcoDriveSettings>(console)
{
    protected override bool CreatesDatabase => true;

    /// <summary>
    /// The SQLite file, unless its adapter cannot yet store what the story needs (stock receipts read purchase
    /// orders): then the story runs in memory and says so, so that the README's first command always works.
    /// </summary>
    protected override async Task<EcoDriveSession> OpenAsync(EcoDriveSettings settings)
    {
        var session = await base.OpenAsync(settings);
        if (session.Stores<IPurchaseOrderRepository>())
        {
            Console.MarkupLineInterpolated($"[grey]{settings.Texts.Database}: {settings.DatabasePath}[/]");
            return session;
        }

        await session.DisposeAsync();
        Console.MarkupLineInterpolated($"[yellow]{settings.Texts.Format(settings.Texts.InMemoryFallback, settings.DatabasePath)}[/]");
        return EcoDriveSession.InMemory();
    }

    protected override Task<int> RunAsync(EcoDriveSession session, EcoDriveSettings settings, Texts texts, CancellationToken cancellationToken) =>
        BriefStory.RunAsync(Console, session, texts);
}
