using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

/// <summary>A command on the SDK over the SQLite file; failures become one line through <see cref="Failure"/>.</summary>
internal abstract class EcoDriveCommand<TSettings>(IAnsiConsole console) : AsyncCommand<TSettings>
    where TSettings : EcoDriveSettings
{
    protected IAnsiConsole Console => console;

    /// <summary>Whether the command creates the database when the file does not exist.</summary>
    protected virtual bool CreatesDatabase => false;

    /// <summary>Whether the command writes many rows and trades per-commit durability for speed.</summary>
    protected virtual bool Bulk => false;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(settings);
        return await RunAsync(session, settings, settings.Texts, cancellationToken);
    }

    protected virtual Task<EcoDriveSession> OpenAsync(TSettings settings) => EcoDriveSession.OpenAsync(settings.DatabasePath, CreatesDatabase, Bulk);

    protected abstract Task<int> RunAsync(EcoDriveSession session, TSettings settings, Texts texts, CancellationToken cancellationToken);

    protected void Skipped(Texts texts, string what) => console.MarkupLineInterpolated($"  [yellow]{texts.Format(texts.NotOnSqlite, what)}[/]");
}
