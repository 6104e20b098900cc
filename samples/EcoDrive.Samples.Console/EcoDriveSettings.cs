using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console;

/// <summary>The options every command takes: which database, which language.</summary>
internal class EcoDriveSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The SQLite file (default: ecodrive.db in the user's data folder, e.g. ~/.local/share/EcoDrive).")]
    public string? Database { get; init; }

    [CommandOption("--lang <LANG>")]
    [Description("fr or en: language, money and dates (default: the system culture).")]
    public string? Language { get; init; }

    public static string DefaultDatabasePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "EcoDrive", "ecodrive.db");

    public string DatabasePath => Path.GetFullPath(Database ?? DefaultDatabasePath);

    /// <summary>
    /// The words and the culture of the output: French or English as <c>--lang</c> says, else as the system's culture
    /// says (French for any French culture, English otherwise). Money and dates follow the system's own culture when it
    /// is of the chosen language (fr-CA, en-US), else France's and the United Kingdom's.
    /// </summary>
    public Texts Texts
    {
        get
        {
            var system = CultureInfo.CurrentCulture;
            var texts = Language?.ToLowerInvariant() switch
            {
                "fr" => Texts.French,
                "en" => Texts.English,
                _ => system.TwoLetterISOLanguageName == "fr" ? Texts.French : Texts.English,
            };
            return system.TwoLetterISOLanguageName == texts.Culture.TwoLetterISOLanguageName && !string.IsNullOrEmpty(system.Name)
                ? texts with { Culture = system }
                : texts;
        }
    }

    public override ValidationResult Validate() =>
        Language is null || Language.ToLowerInvariant() is "fr" or "en"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--lang '{Language}' is not supported: use fr or en.");
}
