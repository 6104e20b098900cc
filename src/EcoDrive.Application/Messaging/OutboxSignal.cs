using System.Threading.Channels;

namespace EcoDrive.Application.Messaging;

/// <summary>
/// Wakes the hosted dispatcher when a unit of work of this process commits, so that a message enqueued here is
/// delivered at once instead of at the next poll. Spurious wake-ups cost one empty claim.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _commits.Writer.TryWrite(true);

    /// <summary>Waits for a commit since the last wait, or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_commits.Reader.TryRead(out _))
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _commits.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a commit here: look anyway, for other processes' messages.
        }
    }
}
