namespace EcoDrive.Application.Messaging;

/// <summary>How the <see cref="OutboxDispatcher"/> delivers, and how the hosted dispatcher runs it (section <c>EcoDrive:Dispatcher</c> in a host).</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>Messages claimed and delivered in one unit of work; from 1 to 10,000. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How often the hosted dispatcher looks for due messages when nothing wakes it (messages committed by another
    /// process, retries coming due); a commit in this process wakes it at once. Default 250 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Delivery loops the hosted dispatcher runs side by side; from 1 to 64. Default 1, which suits SQLite's single writer.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Wait after a message's first failure, doubled at each further one up to <see cref="MaxBackOff"/>. Default 100 ms.</summary>
    public TimeSpan BackOff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between two attempts at one message. Default 5 minutes.</summary>
    public TimeSpan MaxBackOff { get; set; } = OutboxDispatcher.MaxBackOff;

    /// <summary>Failed attempts after which a message is parked, with its last error, for an operator to retry or discard; from 1 to 1,000. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Throws <see cref="InvalidInputException"/> (<see cref="ErrorCodes.Input.OutOfRange"/>) naming the first setting out of its range.</summary>
    internal OutboxDispatcherOptions Validated()
    {
        InvalidInputException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        InvalidInputException.ThrowIfGreaterThan(BatchSize, 10_000, nameof(BatchSize));
        InvalidInputException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        InvalidInputException.ThrowIfNegativeOrZero(Parallelism, nameof(Parallelism));
        InvalidInputException.ThrowIfGreaterThan(Parallelism, 64, nameof(Parallelism));
        InvalidInputException.ThrowIfLessThan(BackOff, TimeSpan.Zero, nameof(BackOff));
        InvalidInputException.ThrowIfLessThan(MaxBackOff, BackOff, nameof(MaxBackOff));
        InvalidInputException.ThrowIfNegativeOrZero(MaxAttempts, nameof(MaxAttempts));
        InvalidInputException.ThrowIfGreaterThan(MaxAttempts, 1_000, nameof(MaxAttempts));
        return this;
    }
}
