using EcoDrive.Crm.Campaigns;

namespace EcoDrive.Storage.InMemory;

/// <summary>
/// A recording <see cref="IMessageSender"/> for tests and demos: it sends nothing and keeps every message it
/// accepts, in order. Like a real provider given an idempotency key, it accepts a repeated
/// <see cref="OutgoingMessage.MessageId"/> without recording it twice. Thread-safe.
/// </summary>
public sealed class InMemoryMessageSender : IMessageSender
{
    private readonly Lock _gate = new();
    private readonly List<OutgoingMessage> _sent = [];
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refused = new(StringComparer.Ordinal);

    /// <summary>Every message accepted so far, oldest first (a copy).</summary>
    public IReadOnlyList<OutgoingMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Makes every later message to <paramref name="address"/> fail with <paramref name="error"/>, as a bounced address would.</summary>
    /// <param name="address">The e-mail address or E.164 phone number, as in <see cref="OutgoingMessage.To"/>.</param>
    /// <param name="error">The error to report.</param>
    /// <exception cref="InvalidInputException">A parameter is blank.</exception>
    public void Refuse(string address, string error)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(address);
        InvalidInputException.ThrowIfNullOrWhiteSpace(error);
        lock (_gate)
        {
            _refused[address] = error;
        }
    }

    /// <inheritdoc />
    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_refused.TryGetValue(message.To, out var error))
            {
                return Task.FromResult(SendResult.Failed(error));
            }

            if (_messageIds.Add(message.MessageId))
            {
                _sent.Add(message);
            }

            return Task.FromResult(SendResult.Sent);
        }
    }
}
