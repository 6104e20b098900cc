using System.Reflection;

namespace EcoDrive.Docs.Tests;

/// <summary>docs/configuration.md lists every options class of the shipped packages, and each of its settings.</summary>
public sealed class ConfigurationPageTests
{
    private static readonly string s_page = File.ReadAllText(Path.Combine(CodeBlockTests.RepositoryRoot(), "docs", "configuration.md"));

    public static TheoryData<string, string> Settings()
    {
        var data = new TheoryData<string, string>();
        Assembly[] packages =
        [
            typeof(EcoDrive.Application.CampaignService).Assembly,
            typeof(EcoDrive.Erp.Invoices.InvoicingOptions).Assembly,
            typeof(EcoDrive.Storage.Sqlite.SqliteStorageOptions).Assembly,
            typeof(EcoDrive.Storage.PostgreSql.PostgreSqlStorageOptions).Assembly,
        ];
        foreach (var type in packages.SelectMany(a => a.GetExportedTypes()).Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            foreach (var setting in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                data.Add(type.Name, setting.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void ConfigurationPage_EverySetting_IsListed(string options, string setting)
    {
        Assert.Contains($"`{options}`", s_page, StringComparison.Ordinal);
        Assert.Contains($"`{setting}`", s_page, StringComparison.Ordinal);
    }
}
