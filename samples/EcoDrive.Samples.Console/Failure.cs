using EcoDrive.Core;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console;

/// <summary>A problem the user can fix: one line saying what is wrong and how to fix it.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Turns any failure into one line on the console and a non-zero exit code, never a stack trace.</summary>
internal static class Failure
{
    public const int ExitCode = 1;

    public static int Report(IAnsiConsole console, Exception error)
    {
        // A locked or foreign file can surface wrapped (the schema upgrade reports which step failed): the cause decides.
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is SqliteException)
            {
                error = cause;
                break;
            }
        }

        var message = error switch
        {
            UsageException or DomainException or ArgumentException or FormatException or CommandAppException => error.Message,
            SqliteException { SqliteErrorCode: 5 or 6 } =>
                "the database is locked by another program: close it (or wait for it to finish) and run the command again.",
            SqliteException { SqliteErrorCode: 11 or 26 } =>
                "this file is not an EcoDrive database (or it is damaged): pass another file with --db.",
            SqliteException sqlite => $"the database refused the operation ({sqlite.Message}): check the --db path and its permissions.",
            OperationCanceledException => "stopped.",
            _ => $"unexpected error ({error.GetType().Name}): {error.Message}",
        };
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return ExitCode;
    }
}
