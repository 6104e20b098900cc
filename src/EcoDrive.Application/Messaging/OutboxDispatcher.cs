using System.Collections.Concurrent;
using System.Reflection;
using EcoDrive.Application;
using EcoDrive.Application.Telemetry;
using EcoDrive.Application.Ports;
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
/// <see cref="IOutboxStore.GetParkedAsync"/>). Each batch is a span, each message's delivery a span within it, linked to
/// the trace that sent the message (<see cref="IntegrationMessage.TraceParent"/>); deliveries, failures, parked messages,
/// batch sizes, the lag from a change to its delivery and order status changes are on the <c>EcoDrive</c> meter, and
/// failures are logged with the message's id (see <see cref="EcoDriveTelemetry"/> and <see cref="EcoDriveLogEvents"/>).
/// </remarks>
public sealed class OutboxDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<OutboxDispatcherPorts, IntegrationMessage, CancellationToken, Task>> s_invokers = new();
    private static readonly MethodInfo s_invokeOpen = typeof(OutboxDispatcher).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly UseCaseRunner<OutboxDispatcherPorts> _runner;
    private readonly IOutboxStore _store;
    private readonly TimeProvider _clock;
    private readonly IDeliveredMessageObserver[] _observers;
    private readonly OutboxDispatcherOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="runner">Runs each batch in its own unit of work, with a fresh <see cref="OutboxDispatcherPorts"/> (the ports it uses).</param>
    /// <param name="store">The committed outbox.</param>
    /// <param name="clock">The clock for back-off.</param>
    /// <param name="observers">Told of each message once its effects are committed (the real-time status feed).</param>
    /// <param name="options">Batch size, back-off and attempts; the defaults of <see cref="OutboxDispatcherOptions"/> when omitted.</param>
    /// <param name="logger">Where failed deliveries and parked messages are reported (ids, types and errors); none when omitted.</param>
    /// <exception cref="OptionsValidationException">An option is out of its range; the failures name it.</exception>
    public OutboxDispatcher(
        UseCaseRunner<OutboxDispatcherPorts> runner,
        IOutboxStore store,
        TimeProvider clock,
        IEnumerable<IDeliveredMessageObserver> observers,
        IOptions<OutboxDispatcherOptions>? options = null,
        ILogger<OutboxDispatcher>? logger = null)
    {
        _runner = runner;
        _store = store;
        _clock = clock;
        _observers = [.. observers];
        _options = (options?.Value ?? new OutboxDispatcherOptions()).Validated();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

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
                async ports =>
                {
                    applied.Clear();
                    var outbox = ports.Outbox;
                    var inbox = ports.Inbox;
                    claimed = await outbox.ClaimDueAsync(_clock.GetUtcNow(), size, cancellationToken).ConfigureAwait(false);
                    if (claimed.Count == 0)
                    {
                        DeliveryTelemetry.DropEmptyBatch(); // a poll that found nothing is no span worth exporting
                    }

                    foreach (var entry in claimed)
                    {
                        var message = entry.Message;
                        using var delivery = DeliveryTelemetry.Start(message, entry.Attempts + 1);
                        try
                        {
                            if (!await inbox.HasProcessedAsync(message.MessageId, cancellationToken).ConfigureAwait(false))
                            {
                                var invoke = s_invokers.GetOrAdd(message.GetType(), type =>
                                    s_invokeOpen.MakeGenericMethod(type).CreateDelegate<Func<OutboxDispatcherPorts, IntegrationMessage, CancellationToken, Task>>());
                                await invoke(ports, message, cancellationToken).ConfigureAwait(false);
                                inbox.MarkProcessed(message.MessageId);
                                applied.Add(message);
                            }
                            else
                            {
                                delivery?.SetTag("ecodrive.message.duplicate", true);
                            }
                        }
                        catch (Exception error) when (DeliveryTelemetry.Failed(delivery, error))
                        {
                            throw; // never: the filter marks the span and lets the error go on
                        }

                        outbox.MarkDelivered(message.MessageId);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException && claimed.Count > 1)
        {
            _logger.BatchReplayedOneByOne(claimed.Count, EcoDriveInstruments.ErrorTypeOf(error));
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
            EcoDriveInstruments.BatchSize.Record(claimed.Count);
            foreach (var entry in claimed)
            {
                EcoDriveInstruments.MessagesDelivered.Add(1, EcoDriveInstruments.Tag(EcoDriveTelemetry.MessageTypeTag, entry.Message.GetType().Name));
            }

            _logger.BatchDelivered(claimed.Count, applied.Count);
        }

        var deliveredAt = _clock.GetUtcNow();
        foreach (var message in applied)
        {
            DeliveryTelemetry.Delivered(message, deliveredAt);
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
        var (message, type, errorType) = (entry.Message, entry.Message.GetType().Name, EcoDriveInstruments.ErrorTypeOf(error));
        var now = _clock.GetUtcNow();
        EcoDriveInstruments.DeliveryFailures.Add(
            1, EcoDriveInstruments.Tag(EcoDriveTelemetry.MessageTypeTag, type), EcoDriveInstruments.Tag(EcoDriveTelemetry.ErrorTypeTag, errorType));
        if (entry.Attempts + 1 >= _options.MaxAttempts)
        {
            await _store.ParkAsync(message.MessageId, reason, now, cancellationToken).ConfigureAwait(false);
            EcoDriveInstruments.MessagesParked.Add(1, EcoDriveInstruments.Tag(EcoDriveTelemetry.MessageTypeTag, type));
            _logger.MessageParked(message.MessageId, type, entry.Attempts + 1, errorType, reason);
            return;
        }

        var backOff = TimeSpan.FromMilliseconds(Math.Min(_options.MaxBackOff.TotalMilliseconds, _options.BackOff.TotalMilliseconds * Math.Pow(2, entry.Attempts)));
        await _store.MarkFailedAsync(message.MessageId, reason, now + backOff, cancellationToken).ConfigureAwait(false);
        _logger.MessageDeliveryFailed(message.MessageId, type, entry.Attempts + 1, errorType, reason, now + backOff);
    }

    private static Task InvokeAsync<TMessage>(OutboxDispatcherPorts ports, IntegrationMessage message, CancellationToken cancellationToken)
        where TMessage : IntegrationMessage =>
        ports.HandlerOf<TMessage>().HandleAsync((TMessage)message, cancellationToken);
}
