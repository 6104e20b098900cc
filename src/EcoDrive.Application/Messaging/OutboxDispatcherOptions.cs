using Microsoft.Extensions.Options;

namespace EcoDrive.Application.Messaging;

/// <summary>How the <see cref="OutboxDispatcher"/> delivers, and how the hosted dispatcher runs it (section <c>EcoDrive:Dispatcher</c> in a host).</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>Messages claimed and delivered in one unit of work; from 1 to 10,000. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How often the hosted dispatcher looks for due messages when nothing wakes it (messages committed by another
    /// process, retries coming due); a commit in this process wakes it at once. From 1 ms to 1 hour. Default 250 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Delivery loops the hosted dispatcher runs side by side; from 1 to 64. Default 1, which suits SQLite's single writer.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Wait after a message's first failure, doubled at each further one up to <see cref="MaxBackOff"/>; up to 1 hour. Default 100 ms.</summary>
    public TimeSpan BackOff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between two attempts at one message; from <see cref="BackOff"/> to 1 day. Default 5 minutes.</summary>
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed attempts after which a message is parked, with its last error, for an operator to retry or discard; from 1 to 1,000. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Each setting outside its range, named with its value and range.</summary>
    internal IEnumerable<string> Problems()
    {
        const string Name = nameof(OutboxDispatcherOptions);
        return
        [
            .. ValidatedOptions.Range($"{Name}.{nameof(BatchSize)}", BatchSize, 1, 10_000),
            .. ValidatedOptions.Range($"{Name}.{nameof(PollInterval)}", PollInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1)),
            .. ValidatedOptions.Range($"{Name}.{nameof(Parallelism)}", Parallelism, 1, 64),
            .. ValidatedOptions.Range($"{Name}.{nameof(BackOff)}", BackOff, TimeSpan.Zero, TimeSpan.FromHours(1)),
            .. ValidatedOptions.Range($"{Name}.{nameof(MaxBackOff)}", MaxBackOff, BackOff, TimeSpan.FromDays(1)),
            .. ValidatedOptions.Range($"{Name}.{nameof(MaxAttempts)}", MaxAttempts, 1, 1_000),
        ];
    }

    /// <summary>These options, or <see cref="OptionsValidationException"/> naming each setting out of its range.</summary>
    internal OutboxDispatcherOptions Validated()
    {
        var problems = Problems().ToList();
        return problems.Count == 0 ? this : throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(OutboxDispatcherOptions), problems);
    }
}
