using System.Reflection;
using System.Text.RegularExpressions;

namespace EcoDrive.Docs.Tests;

/// <summary>
/// docs/errors.md and <see cref="ErrorCodes"/> agree both ways: every constant has one row giving its code and constant
/// name, and every code the page lists is a constant.
/// </summary>
public sealed partial class ErrorCodesDocTests
{
    private static readonly Lazy<IReadOnlyList<(string Code, string Constant)>> s_rows = new(ReadRows);

    [Fact]
    public void EveryConstant_HasOneRowInErrorsMd()
    {
        var documented = s_rows.Value.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Count());

        var missing = Constants().Where(c => !documented.ContainsKey(c.Code)).Select(c => $"{c.Code} ({c.Name})");
        var twice = documented.Where(d => d.Value > 1).Select(d => d.Key);

        Assert.Empty(missing);
        Assert.Empty(twice);
    }

    [Fact]
    public void EveryCodeInErrorsMd_IsTheConstantItsRowNames()
    {
        var constants = Constants().ToDictionary(c => c.Name, c => c.Code);

        foreach (var (code, constant) in s_rows.Value)
        {
            Assert.True(constants.TryGetValue(constant, out var value), $"docs/errors.md lists {constant}, which is not a constant of ErrorCodes.");
            Assert.Equal(value, code);
        }
    }

    private static IEnumerable<(string Name, string Code)> Constants() =>
        typeof(ErrorCodes).GetNestedTypes(BindingFlags.Public)
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => ($"ErrorCodes.{area.Name}.{f.Name}", (string)f.GetRawConstantValue()!)));

    private static IReadOnlyList<(string Code, string Constant)> ReadRows()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "errors.md"));
        return [.. Row().Matches(text).Select(m => (m.Groups["code"].Value, m.Groups["constant"].Value))];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EcoDrive.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EcoDrive.Core.sln not found above " + AppContext.BaseDirectory);
    }

    // A table row whose first cell is a code and second a constant: | `invoice.overpayment` | `ErrorCodes.Invoice.Overpayment` | …
    [GeneratedRegex(@"^\| `(?<code>[^`|]+)` \| `(?<constant>ErrorCodes\.[^`|]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
