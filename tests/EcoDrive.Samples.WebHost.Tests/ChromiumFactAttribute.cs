namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// A fact that drives Debian's Chromium (<c>/usr/bin/chromium</c>); where it is missing the test is reported as
/// skipped, with the reason, instead of failing or passing silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's <c>chromium</c> package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"{ExecutablePath} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does.";
        }
    }
}
