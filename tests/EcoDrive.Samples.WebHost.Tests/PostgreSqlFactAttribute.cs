namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// A fact that runs the host on the PostgreSQL server named by <c>ECODRIVE_TEST_POSTGRES</c>; where it is unset the
/// test is reported as skipped, with the reason, so that the tests pass on a machine without a server.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    /// <summary>The variable that holds the server's connection string.</summary>
    public const string Variable = "ECODRIVE_TEST_POSTGRES";

    public PostgreSqlFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"skipped: {Variable} not set";
        }
    }

    /// <summary>The connection string, or <see langword="null"/> when no server is configured.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
