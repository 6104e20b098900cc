using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DbUp.Builder;
using DbUp.Engine;

namespace EcoDrive.Storage.Sql;

/// <summary>One versioned schema script, embedded in the adapter as <c>Schema/V{version}__{what}.sql</c>.</summary>
/// <param name="Version">The schema version the script brings the database to.</param>
/// <param name="Name">The file name, recorded in the journal table.</param>
/// <param name="Sql">The script.</param>
internal sealed record SchemaScript(int Version, string Name, string Sql);

/// <summary>
/// The versioned schema of a SQL adapter: embedded scripts, applied in order by DbUp and recorded in the
/// <c>schema_versions</c> journal table. The schema version of a database is the version of its last applied script.
/// </summary>
internal abstract partial class SqlSchema
{
    public const string JournalTable = "schema_versions";

    private readonly SqlDialect _dialect;

    protected SqlSchema(Assembly assembly, SqlDialect dialect)
    {
        _dialect = dialect;
        Scripts =
        [
            .. assembly.GetManifestResourceNames()
                .Select(resource => (Resource: resource, Version: VersionOf(resource)))
                .Where(s => s.Version is not null)
                .Select(s => new SchemaScript(s.Version!.Value, FileName(s.Resource), Read(assembly, s.Resource)))
                .OrderBy(s => s.Version),
        ];
        if (Scripts.Count == 0 || Scripts.Select(s => s.Version).SequenceEqual(Enumerable.Range(1, Scripts.Count)) is false)
        {
            throw new InvalidOperationException($"The schema scripts of {assembly.GetName().Name} must be numbered V001, V002, … without gaps.");
        }
    }

    public IReadOnlyList<SchemaScript> Scripts { get; }

    public int LatestVersion => Scripts[^1].Version;

    /// <summary>Applies the scripts up to <paramref name="targetVersion"/> that the database lacks; returns its version.</summary>
    public async Task<int> UpgradeAsync(int targetVersion, CancellationToken cancellationToken)
    {
        InvalidInputException.ThrowIfLessThan(targetVersion, 1);
        InvalidInputException.ThrowIfGreaterThan(targetVersion, LatestVersion);
        await ApplyAsync(Scripts.Where(s => s.Version <= targetVersion).ToArray(), cancellationToken).ConfigureAwait(false);
        return await GetVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The database's schema version: 0 when it has none yet.</summary>
    public async Task<int> GetVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = JournalLookup;
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null or DBNull)
                {
                    return 0;
                }

                command.CommandText = $"SELECT scriptname FROM {QualifiedJournalTable}";
                var names = new List<string>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        names.Add(reader.GetString(0));
                    }
                }

                return names.Select(VersionOf).Max() ?? 0;
            }
        }
    }

    /// <summary>A query whose single value is null (or no row) when the journal table does not exist yet.</summary>
    protected abstract string JournalLookup { get; }

    /// <summary>The journal table's name as queries write it.</summary>
    protected abstract string QualifiedJournalTable { get; }

    /// <summary>Runs the scripts that the journal does not list yet, each in its own transaction, and journals them.</summary>
    protected abstract Task ApplyAsync(IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken);

    /// <summary>
    /// Completes an engine's DbUp builder (its database and journal already set) with the scripts, one transaction per
    /// script and no variable substitution, runs it, and turns a failure into an error naming the script.
    /// </summary>
    /// <param name="builder">The engine's builder.</param>
    /// <param name="scripts">The scripts to apply (DbUp skips those the journal lists).</param>
    /// <param name="store">The store, for the message.</param>
    /// <param name="cancellationToken">Cancels before the upgrade starts.</param>
    protected static async Task RunAsync(UpgradeEngineBuilder builder, IReadOnlyList<SchemaScript> scripts, string store, CancellationToken cancellationToken)
    {
        var upgrade = builder
            .WithScripts(scripts.Select(s => new SqlScript(s.Name, s.Sql)))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();
        var result = await Task.Run(upgrade.PerformUpgrade, cancellationToken).ConfigureAwait(false);
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Upgrading the EcoDrive schema of {store} failed at {result.ErrorScript?.Name ?? "the journal"}; " +
                "the scripts before it are applied and recorded, the failed one left nothing behind.",
                result.Error);
        }
    }

    private static int? VersionOf(string name) =>
        ScriptName().Match(name) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string FileName(string resource) => ScriptName().Match(resource).Value;

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"V(\d{3})__[A-Za-z0-9_-]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
