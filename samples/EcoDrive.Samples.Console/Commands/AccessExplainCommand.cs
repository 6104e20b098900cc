using System.ComponentModel;
using EcoDrive.Core;
using EcoDrive.Application.Access;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

internal sealed class AccessExplainSettings : EcoDriveSettings
{
    [CommandArgument(0, "<USER>")]
    [Description("A demo user by first name (alex, sophie, marc, claire, hélène, manon) or id.")]
    public string User { get; init; } = string.Empty;

    [CommandArgument(1, "<CUSTOMER-ID>")]
    [Description("The customer's id.")]
    public string Customer { get; init; } = string.Empty;

    public override ValidationResult Validate() =>
        !base.Validate().Successful ? base.Validate()
        : Guid.TryParse(Customer, out var guid) && guid != Guid.Empty ? ValidationResult.Success()
        : ValidationResult.Error($"'{Customer}' is not a customer id: use the full id (e.g. 0196a1b2-…), as the web API or `demo`'s access check shows it.");
}

/// <summary>The brief's troubleshooting checklist: permissions, the customer record, the system.</summary>
internal sealed class AccessExplainCommand(IAnsiConsole console) : EcoDriveCommand<AccessExplainSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, AccessExplainSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        var user = DemoUsers.Find(settings.User);
        var explanation = await session.Get<AccessDiagnostics>().ExplainContactAccessAsync(user, CustomerId.Parse(settings.Customer), cancellationToken);
        Console.Write(AccessTable.Of(explanation));
        return 0;
    }
}
