using EcoDrive.Integration.Messaging;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>Runs the outbox dispatcher in the background, so orders flow CRM → ERP → CRM without anyone asking.</summary>
internal sealed class DispatcherService(OutboxDispatcher dispatcher, ILogger<DispatcherService> logger) : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await dispatcher.DrainAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The outbox dispatcher failed; it retries on its next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
