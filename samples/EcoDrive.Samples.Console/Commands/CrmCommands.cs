using System.ComponentModel;
using EcoDrive.Core;
using EcoDrive.Crm.Activities;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Application;
using EcoDrive.Storage.InMemory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console.Commands;

internal sealed class CampaignSettings : EcoDriveSettings
{
    [CommandOption("--segment <SEGMENT>")]
    [Description("The product segment the audience is interested in (default: suv).")]
    public string Segment { get; init; } = "suv";

    [CommandOption("--name <NAME>")]
    [Description("The campaign's name.")]
    public string Name { get; init; } = "SUV promotion";
}

/// <summary>Shared by preview and send: a campaign to everyone interested in a segment.</summary>
internal abstract class CampaignCommand(IAnsiConsole console) : EcoDriveCommand<CampaignSettings>(console)
{
    protected abstract bool Send { get; }

    protected override async Task<int> RunAsync(EcoDriveSession session, CampaignSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        if (!session.Stores<ICampaignRepository>())
        {
            throw new UsageException(texts.Format(texts.NotOnSqlite, "campaigns") + " Run the in-memory story with `dotnet test` meanwhile.");
        }

        var campaigns = session.Get<CampaignService>();
        var id = await campaigns.CreateAsync(
            DemoUsers.Manon, settings.Name, Crm.Campaigns.Segment.InterestedIn(ProductSegment.Parse(settings.Segment)), CampaignChannel.Email,
            CampaignMessage.Create("{model}: {offer}", "Bonjour {firstName}, the {model} is yours with {offer} this month.", "Volt X5 SUV", "a free wall box"),
            cancellationToken);
        var audience = Send ? await campaigns.LaunchAsync(DemoUsers.Manon, id, cancellationToken) : await campaigns.PreviewAudienceAsync(DemoUsers.Manon, id, cancellationToken);
        Console.MarkupLineInterpolated($"{texts.Format(texts.Audience, audience.Recipients, audience.Matched, audience.WithoutConsent, audience.Duplicates, audience.Unreachable)}");
        if (Send)
        {
            var results = await campaigns.SendPendingAsync(DemoUsers.Manon, id, cancellationToken);
            foreach (var message in session.Get<InMemoryMessageSender>().Sent)
            {
                Console.MarkupLineInterpolated($"  → {message.To}: {message.Body}");
            }

            Console.MarkupLineInterpolated($"{texts.Format(texts.CampaignResult, results.Sent, results.Failed, audience.WithoutConsent, audience.Duplicates)}");
        }

        return 0;
    }
}

internal sealed class CampaignPreviewCommand(IAnsiConsole console) : CampaignCommand(console)
{
    protected override bool Send => false;
}

internal sealed class CampaignSendCommand(IAnsiConsole console) : CampaignCommand(console)
{
    protected override bool Send => true;
}

internal sealed class FollowUpsSettings : EcoDriveSettings
{
    [CommandOption("--overdue")]
    [Description("Only the overdue ones.")]
    public bool Overdue { get; init; }

    [CommandOption("--user <USER>")]
    [Description("The salesperson (default: sophie).")]
    public string User { get; init; } = "sophie";
}

/// <summary>A salesperson's agenda: overdue follow-ups, then those due in the next 24 hours.</summary>
internal sealed class FollowUpsCommand(IAnsiConsole console) : EcoDriveCommand<FollowUpsSettings>(console)
{
    protected override async Task<int> RunAsync(EcoDriveSession session, FollowUpsSettings settings, Texts texts, CancellationToken cancellationToken)
    {
        var user = DemoUsers.Find(settings.User);
        if (!session.Stores<IFollowUpRepository>())
        {
            throw new UsageException(texts.Format(texts.NotOnSqlite, "follow-ups"));
        }

        var agenda = await session.Get<SalesActivityService>().GetAgendaAsync(user, user.Id, cancellationToken: cancellationToken);
        var table = new Table().AddColumns(texts.DueDate, "", texts.Reason);
        foreach (var followUp in settings.Overdue ? agenda.Overdue : [.. agenda.Overdue, .. agenda.Due])
        {
            table.AddRow(new Text(texts.Time(followUp.DueAt)), new Markup(agenda.Overdue.Contains(followUp) ? $"[red]{texts.Overdue}[/]" : ""), new Text(followUp.Purpose));
        }

        Console.Write(table);
        return 0;
    }
}
