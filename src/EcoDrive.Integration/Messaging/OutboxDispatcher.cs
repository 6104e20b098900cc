using System.Collections.Concurrent;
using System.Reflection;
using EcoDrive.Integration.Application;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Integration.Messaging;

/// <summary>
/// Delivers committed outbox messages to their handlers. Each message is handled in its own scope: the inbox is
/// checked, the handler stages its changes, the inbox mark is staged, and all commit together; only then is the
/// message marked delivered. A crash anywhere loses nothing (the message is still pending) and applies nothing
/// twice (the inbox remembers it). A delivery that loses a concurrency race is retried at once from a fresh read, so
/// several dispatchers may run side by side; any other failure is retried later with exponential back-off.
/// </summary>
public sealed class OutboxDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IntegrationMessage, CancellationToken, Task>> s_invokers = new();
    private static readonly MethodInfo s_invokeOpen = typeof(OutboxDispatcher).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly UseCaseRunner _runner;
    private readonly IOutboxStore _store;
    private readonly TimeProvider _clock;
    private readonly IDeliveredMessageObserver[] _observers;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="scopes">Creates the scope (and unit of work) of each delivery.</param>
    /// <param name="store">The committed outbox.</param>
    /// <param name="clock">The clock for back-off.</param>
    /// <param name="observers">Told of each message once its effects are committed (the real-time status feed).</param>
    public OutboxDispatcher(IServiceScopeFactory scopes, IOutboxStore store, TimeProvider clock, IEnumerable<IDeliveredMessageObserver> observers)
    {
        _runner = new UseCaseRunner(scopes);
        _store = store;
        _clock = clock;
        _observers = [.. observers];
    }

    /// <summary>Longest wait between two attempts at one message.</summary>
    public static TimeSpan MaxBackOff { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Delivers the messages due now, once each.</summary>
    /// <param name="maxCount">At most this many messages.</param>
    /// <param name="cancellationToken">Stops between two messages.</param>
    /// <returns>How many were delivered; failures are left for a later attempt.</returns>
    public async Task<int> DispatchDueAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        foreach (var entry in await _store.GetDueAsync(_clock.GetUtcNow(), maxCount, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await DeliverAsync(entry.Message, cancellationToken).ConfigureAwait(false);
                await _store.MarkDeliveredAsync(entry.Message.MessageId, cancellationToken).ConfigureAwait(false);
                delivered++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                var backOff = TimeSpan.FromMilliseconds(Math.Min(MaxBackOff.TotalMilliseconds, 100 * Math.Pow(2, entry.Attempts)));
                var reason = error is DomainException domain ? $"{domain.Code}: {domain.Message}" : $"{error.GetType().Name}: {error.Message}";
                await _store.MarkFailedAsync(entry.Message.MessageId, reason, _clock.GetUtcNow() + backOff, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return delivered;
    }

    /// <summary>
    /// Delivers messages until none is due, including the ones that handlers enqueue on the way (an order submitted
    /// in the CRM, confirmed by the ERP, reported back to the CRM).
    /// </summary>
    /// <param name="cancellationToken">Stops between two messages.</param>
    /// <returns>How many were delivered in all.</returns>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int delivered;
        do
        {
            delivered = await DispatchDueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            total += delivered;
        }
        while (delivered > 0);

        return total;
    }

    // A delivery that lost a race (another unit of work changed the same stock first, or another dispatcher handled
    // the message) runs again from a fresh read, like any use case; the inbox then skips what was already handled.
    private async Task DeliverAsync(IntegrationMessage message, CancellationToken cancellationToken)
    {
        var applied = await _runner.RunAsync(
            async services =>
            {
                var inbox = services.GetRequiredService<IInbox>();
                if (await inbox.HasProcessedAsync(message.MessageId, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                var invoke = s_invokers.GetOrAdd(message.GetType(), type =>
                    s_invokeOpen.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IntegrationMessage, CancellationToken, Task>>());
                await invoke(services, message, cancellationToken).ConfigureAwait(false);
                inbox.MarkProcessed(message.MessageId);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

        if (applied)
        {
            foreach (var observer in _observers)
            {
                observer.OnDelivered(message);
            }
        }
    }

    private static Task InvokeAsync<TMessage>(IServiceProvider services, IntegrationMessage message, CancellationToken cancellationToken)
        where TMessage : IntegrationMessage =>
        services.GetRequiredService<IIntegrationMessageHandler<TMessage>>().HandleAsync((TMessage)message, cancellationToken);
}
