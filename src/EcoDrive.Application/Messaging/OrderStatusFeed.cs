using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EcoDrive.Application.Messaging;

/// <summary>
/// Real-time order status: every <see cref="OrderStatusChanged"/> that the CRM has applied is handed to the
/// subscribers of that order as soon as its unit of work commits. Use
/// <see cref="Application.SalesOrderService.WatchAsync"/>, which first replays what the CRM already knows.
/// </summary>
public sealed class OrderStatusFeed : IDeliveredMessageObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<OrderId, List<Channel<OrderStatusEntry>>> _subscribers = [];

    /// <summary>Yields each status change of <paramref name="orderId"/> delivered from now on, until cancelled.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Ends the subscription.</param>
    public async IAsyncEnumerable<OrderStatusEntry> SubscribeAsync(OrderId orderId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Subscribe(orderId);
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            Unsubscribe(orderId, channel);
        }
    }

    /// <inheritdoc />
    public void OnDelivered(IntegrationMessage message)
    {
        if (message is not OrderStatusChanged changed)
        {
            return;
        }

        lock (_gate)
        {
            if (_subscribers.TryGetValue(changed.OrderId, out var channels))
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryWrite(changed.Change);
                }
            }
        }
    }

    /// <summary>Registers a subscriber before the caller reads the current state, so that no change falls in between.</summary>
    internal Channel<OrderStatusEntry> Subscribe(OrderId orderId)
    {
        var channel = Channel.CreateUnbounded<OrderStatusEntry>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(orderId, out var channels))
            {
                _subscribers[orderId] = channels = [];
            }

            channels.Add(channel);
        }

        return channel;
    }

    internal void Unsubscribe(OrderId orderId, Channel<OrderStatusEntry> channel)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(orderId, out var channels) && channels.Remove(channel) && channels.Count == 0)
            {
                _subscribers.Remove(orderId);
            }
        }

        channel.Writer.TryComplete();
    }
}

/// <summary>Told of each message whose effects the receiving side has just committed (not of skipped duplicates).</summary>
public interface IDeliveredMessageObserver
{
    /// <summary>Called after the message's unit of work committed; must not throw or block.</summary>
    /// <param name="message">The message.</param>
    void OnDelivered(IntegrationMessage message);
}
