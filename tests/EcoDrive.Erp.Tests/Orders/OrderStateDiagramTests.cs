using EcoDrive.Erp.Orders;

namespace EcoDrive.Erp.Tests.Orders;

public sealed class OrderStateDiagramTests
{
    [Fact]
    public void ToMermaid_MatchesTheDiagramInTheDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "order-states.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;
        var documented = docs[start..docs.IndexOf("\n```", start, StringComparison.Ordinal)];

        var exported = OrderStateMachine.ToMermaid().ReplaceLineEndings("\n").TrimEnd();

        Assert.True(
            documented == exported,
            $"docs/order-states.md is out of date; replace its mermaid block with:\n{exported}");
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
}
