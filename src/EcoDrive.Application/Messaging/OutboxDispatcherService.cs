using EcoDrive.Application.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoDrive.Application.Messaging;

/// <summary>
/// The hosted dispatcher: <see cref="OutboxDispatcherOptions.Parallelism"/> loops that deliver batches while messages
/// are due, then wait for a commit of this process or the poll interval. A failing loop logs and carries on at its next
/// poll; stopping the host stops the loops between two batches.
/// </summary>
internal sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, OutboxSignal signal, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, dispatcher.Options.Parallelism).Select(_ => RunLoopAsync(stoppingToken)));

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var options = dispatcher.Options;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (claimed, _) = await dispatcher.DispatchBatchAsync(options.BatchSize, stoppingToken).ConfigureAwait(false);
                if (claimed > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.DispatcherLoopFailed(error, options.PollInterval);
                await Task.Delay(options.PollInterval, stoppingToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
