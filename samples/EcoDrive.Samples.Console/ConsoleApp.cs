using EcoDrive.Samples.Console.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcoDrive.Samples.Console;

/// <summary>The command tree, shared by <c>Program</c> and the tests.</summary>
internal static class ConsoleApp
{
    public static CommandApp<DemoCommand> Create(IAnsiConsole console)
    {
        var app = new CommandApp<DemoCommand>();
        app.Configure(config => Configure(config, console));
        return app;
    }

    public static void Configure(IConfigurator config, IAnsiConsole console)
    {
        config.SetApplicationName("ecodrive");
        config.ConfigureConsole(console);
        config.SetExceptionHandler((error, _) => Failure.Report(console, error));
        config.AddCommand<DemoCommand>("demo").WithDescription("The brief's story on the SQLite file; each run adds a chapter.");
        config.AddCommand<DashboardCommand>("dashboard").WithDescription("The sales director's three KPIs, with the previous period.");
        config.AddBranch("order", order =>
        {
            order.SetDescription("An order's status as the CRM sees it.");
            order.AddCommand<OrderStatusCommand>("status").WithDescription("The order's status and its history.");
            order.AddCommand<OrderWatchCommand>("watch").WithDescription("Live status updates while the ERP ↔ CRM dispatcher runs (Ctrl+C stops).");
        });
        config.AddBranch("access", access =>
        {
            access.SetDescription("Access troubleshooting.");
            access.AddCommand<AccessExplainCommand>("explain").WithDescription("Why a user can or cannot see a customer's contact details.");
        });
        config.AddBranch("campaign", campaign =>
        {
            campaign.SetDescription("Targeted campaigns.");
            campaign.AddCommand<CampaignPreviewCommand>("preview").WithDescription("Who a campaign to a segment would reach.");
            campaign.AddCommand<CampaignSendCommand>("send").WithDescription("Launch a campaign to a segment and send it.");
        });
        config.AddCommand<FollowUpsCommand>("followups").WithDescription("A salesperson's follow-ups (relances).");
        config.AddCommand<StockCommand>("stock").WithDescription("Stock levels per product.");
        config.AddCommand<InvoicesCommand>("invoices").WithDescription("Invoices and what is still due.");
        config.AddCommand<GenerateCommand>("generate").WithDescription("A year of demo history at scale, imported through the SDK with a progress bar.");
    }
}
