using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using EcoDrive.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application.Messaging;

/// <summary>
/// Delivers committed outbox messages to their handlers, in batches. A batch is one unit of work: it claims the oldest
/// due messages (so that several dispatchers, in one process or several, never take the same ones), hands each to its
/// handler in outbox order, and commits the handlers' changes, the inbox marks and the messages' removal from the
/// outbox together. A crash anywhere loses nothing (the messages are still in the outbox) and applies nothing twice (a
/// rolled-back batch applied nothing; the inbox remembers what committed). Orders for one product in one batch read
/// and write its stock once, so a hot product does not queue through retries.
/// </summary>
/// <remarks>
/// A batch that loses a concurrency race runs again from a fresh read. A batch whose handler fails is rolled back and
/// its messages are delivered one by one, so that only the failing message waits: it is retried with exponential
/// back-off, and parked with its error after <see cref="OutboxDispatcherOptions.MaxAttempts"/> (see
/// <see cref="IOutboxStore.GetParkedAsync"/>). Metrics are on the <c>EcoDrive</c> meter: <c>ecodrive.outbox.delivered</c>,
/// <c>ecodrive.outbox.failed</c>, <c>ecodrive.outbox.parked</c> and <c>ecodrive.outbox.batch_size</c>.
/// </remarks>
public sealed class OutboxDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IntegrationMessage, CancellationToken, Task>> s_invokers = new();
    private static readonly MethodInfo s_invokeOpen = typeof(OutboxDispatcher).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly Meter s_meter = new("EcoDrive");
    private static readonly Counter<long> s_delivered = s_meter.CreateCounter<long>("ecodrive.outbox.delivered", description: "Outbox messages delivered.");
    private static readonly Counter<long> s_failed = s_meter.CreateCounter<long>("ecodrive.outbox.failed", description: "Failed attempts to deliver an outbox message.");
    private static readonly Counter<long> s_parked = s_meter.CreateCounter<long>("ecodrive.outbox.parked", description: "Outbox messages parked after their last allowed attempt.");
    private static readonly Histogram<int> s_batchSize = s_meter.CreateHistogram<int>("ecodrive.outbox.batch_size", description: "Messages claimed per batch.");

    private readonly UseCaseRunner _runner;
    private readonly IOutboxStore _store;
    private readonly TimeProvider _clock;
    private readonly IDeliveredMessageObserver[] _observers;
    private readonly OutboxDispatcherOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="scopes">Creates the scope (and unit of work) of each batch.</param>
    /// <param name="store">The committed outbox.</param>
    /// <param name="clock">The clock for back-off.</param>
    /// <param name="observers">Told of each message once its effects are committed (the real-time status feed).</param>
    /// <param name="options">Batch size, back-off and attempts; the defaults of <see cref="OutboxDispatcherOptions"/> when omitted.</param>
    /// <param name="logger">Where parked messages are reported; none when omitted.</param>
    /// <exception cref="InvalidInputException">An option is out of its range; the message names it.</exception>
    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IOutboxStore store,
        TimeProvider clock,
        IEnumerable<IDeliveredMessageObserver> observers,
        IOptions<OutboxDispatcherOptions>? options = null,
        ILogger<OutboxDispatcher>? logger = null)
    {
        _runner = new UseCaseRunner(scopes);
        _store = store;
        _clock = clock;
        _observers = [.. observers];
        _options = (options?.Value ?? new OutboxDispatcherOptions()).Validated();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The default longest wait between two attempts at one message (<see cref="OutboxDispatcherOptions.MaxBackOff"/>).</summary>
    public static TimeSpan MaxBackOff { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The options this dispatcher runs with.</summary>
    public OutboxDispatcherOptions Options => _options;

    /// <summary>Delivers the messages due now, in batches, once each.</summary>
    /// <param name="maxCount">At most this many messages.</param>
    /// <param name="cancellationToken">Stops between two batches; a batch cancelled midway commits nothing.</param>
    /// <returns>How many were delivered; failures are left for a later attempt, or parked.</returns>
    public async Task<int> DispatchDueAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        InvalidInputException.ThrowIfNegativeOrZero(maxCount);
        var (claimed, delivered) = (0, 0);
        while (claimed < maxCount)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await DispatchBatchAsync(Math.Min(_options.BatchSize, maxCount - claimed), cancellationToken).ConfigureAwait(false);
            if (batch.Claimed == 0)
            {
                break;
            }

            (claimed, delivered) = (claimed + batch.Claimed, delivered + batch.Delivered);
        }

        return delivered;
    }

    /// <summary>
    /// Delivers messages until none is due, including the ones that handlers enqueue on the way (an order submitted
    /// in the CRM, confirmed by the ERP, reported back to the CRM).
    /// </summary>
    /// <param name="cancellationToken">Stops between two batches.</param>
    /// <returns>How many were delivered in all.</returns>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int delivered;
        do
        {
            delivered = await DispatchDueAsync(int.MaxValue, cancellationToken).ConfigureAwait(false);
            total += delivered;
        }
        while (delivered > 0);

        return total;
    }

    /// <summary>One batch of at most <paramref name="size"/> messages; a failed batch is delivered again one message at a time.</summary>
    internal async Task<(int Claimed, int Delivered)> DispatchBatchAsync(int size, CancellationToken cancellationToken)
    {
        var applied = new List<IntegrationMessage>();
        IReadOnlyList<OutboxEntry> claimed = [];
        try
        {
            await _runner.RunAsync(
                async services =>
                {
                    applied.Clear();
                    var outbox = services.GetRequiredService<IOutbox>();
                    var inbox = services.GetRequiredService<IInbox>();
                    claimed = await outbox.ClaimDueAsync(_clock.GetUtcNow(), size, cancellationToken).ConfigureAwait(false);
                    foreach (var entry in claimed)
                    {
                        var message = entry.Message;
                        if (!await inbox.HasProcessedAsync(message.MessageId, cancellationToken).ConfigureAwait(false))
                        {
                            var invoke = s_invokers.GetOrAdd(message.GetType(), type =>
                                s_invokeOpen.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IntegrationMessage, CancellationToken, Task>>());
                            await invoke(services, message, cancellationToken).ConfigureAwait(false);
                            inbox.MarkProcessed(message.MessageId);
                            applied.Add(message);
                        }

                        outbox.MarkDelivered(message.MessageId);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException && claimed.Count > 1)
        {
            // Nothing of the batch was committed. Deliver its messages alone, so that only the failing one waits.
            var (alone, delivered) = (0, 0);
            for (var i = 0; i < claimed.Count; i++)
            {
                var single = await DispatchBatchAsync(1, cancellationToken).ConfigureAwait(false);
                if (single.Claimed == 0)
                {
                    break;
                }

                (alone, delivered) = (alone + single.Claimed, delivered + single.Delivered);
            }

            return (Math.Max(alone, 1), delivered);
        }
        catch (Exception error) when (error is not OperationCanceledException && claimed.Count == 1)
        {
            await RecordFailureAsync(claimed[0], error, cancellationToken).ConfigureAwait(false);
            return (1, 0);
        }

        if (claimed.Count > 0)
        {
            s_batchSize.Record(claimed.Count);
            s_delivered.Add(claimed.Count);
        }

        foreach (var message in applied)
        {
            foreach (var observer in _observers)
            {
                observer.OnDelivered(message);
            }
        }

        return (claimed.Count, claimed.Count);
    }

    private async Task RecordFailureAsync(OutboxEntry entry, Exception error, CancellationToken cancellationToken)
    {
        var reason = error is DomainException domain ? $"{domain.Code}: {domain.Message}" : $"{error.GetType().Name}: {error.Message}";
        var now = _clock.GetUtcNow();
        s_failed.Add(1);
        if (entry.Attempts + 1 >= _options.MaxAttempts)
        {
            await _store.ParkAsync(entry.Message.MessageId, reason, now, cancellationToken).ConfigureAwait(false);
            s_parked.Add(1);
            _logger.LogError(
                "Outbox message {MessageId} ({MessageType}) was parked after {Attempts} failed attempts: {Reason}. Retry or discard it once the cause is fixed.",
                entry.Message.MessageId, entry.Message.GetType().Name, entry.Attempts + 1, reason);
            return;
        }

        var backOff = TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackOff.TotalMilliseconds, _options.BackOff.TotalMilliseconds * Math.Pow(2, entry.Attempts)));
        await _store.MarkFailedAsync(entry.Message.MessageId, reason, now + backOff, cancellationToken).ConfigureAwait(false);
    }

    private static Task InvokeAsync<TMessage>(IServiceProvider services, IntegrationMessage message, CancellationToken cancellationToken)
        where TMessage : IntegrationMessage =>
        services.GetRequiredService<IIntegrationMessageHandler<TMessage>>().HandleAsync((TMessage)message, cancellationToken);
}
