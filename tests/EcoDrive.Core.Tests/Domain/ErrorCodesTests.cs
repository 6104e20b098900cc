using System.Reflection;
using System.Text.RegularExpressions;

namespace EcoDrive.Core.Tests.Domain;

public sealed partial class ErrorCodesTests
{
    /// <summary>Every constant of <see cref="ErrorCodes"/>, by its name as written in code (<c>ErrorCodes.Invoice.Overpayment</c>).</summary>
    public static IReadOnlyList<(string Name, string Code)> All() =>
        [.. typeof(ErrorCodes).GetNestedTypes(BindingFlags.Public)
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => ($"ErrorCodes.{area.Name}.{f.Name}", (string)f.GetRawConstantValue()!)))];

    [Fact]
    public void Codes_AreUnique()
    {
        var duplicates = All().GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Codes_AreAreaDotKebabCase_AndSpellTheirConstantsName()
    {
        foreach (var (name, code) in All())
        {
            Assert.Matches(CodePattern(), code);
            var parts = name.Split('.');
            Assert.Equal($"{Kebab(parts[1])}.{Kebab(parts[2])}", code);
        }
    }

    [Fact]
    public void Input_HoldsTheCodesOfInvalidInputException()
    {
        Assert.All(typeof(ErrorCodes.Input).GetFields(), f => Assert.StartsWith("input.", (string)f.GetRawConstantValue()!, StringComparison.Ordinal));
    }

    private static string Kebab(string pascal) => PascalBoundary().Replace(pascal, "-$1").ToLowerInvariant();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex PascalBoundary();
}
