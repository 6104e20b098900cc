using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace EcoDrive.LoadTest;

/// <summary>
/// Watches, while the orders are submitted and afterwards, for each accepted order to leave <c>Submitted</c> in the CRM
/// (<c>GET /orders/{id}</c>, alternating between the hosts), and notes when the last one did.
/// </summary>
/// <remarks>
/// It polls in passes, at most one pass per <see cref="PassInterval"/>, so that no order is asked for more often than
/// that. A pass goes through the pending orders oldest first — <see cref="ProbesPerPass"/> requests, then
/// <see cref="Parallelism"/> at a time — and stops once <see cref="ProbesPerPass"/> orders answered that they are still
/// <c>Submitted</c> (or did not answer): the ERP settles orders roughly in the order they came, so the newer ones would
/// mostly answer the same. That keeps the polling to about one request per order plus a handful per pass, whatever the
/// backlog, instead of swamping the host. The moment an order is seen settled is when the answer arrived, so the end
/// of the run is known to within about one pass of when it happened.
/// </remarks>
internal sealed class SettlementWatch(IReadOnlyList<HttpClient> clients)
{
    public static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(100);
    public const int Parallelism = 8;
    public const int ProbesPerPass = 4;

    private readonly ConcurrentQueue<Submission> _incoming = new();
    private readonly ConcurrentDictionary<string, string> _settled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private long _submissionsEndedAt;
    private long _lastSettledAt;
    private int _requests;
    private int _passes;
    private int _sequence;

    /// <summary>The status each order was first seen in once it left <c>Submitted</c>.</summary>
    public IReadOnlyDictionary<string, string> Settled => _settled;

    /// <summary>Answers other than 200 (by status code, or the exception's name), each kept pending and asked again.</summary>
    public IReadOnlyDictionary<string, int> Errors => _errors;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the last order was seen settled; 0 before any.</summary>
    public long LastSettledAt => Interlocked.Read(ref _lastSettledAt);

    public int Requests => _requests;

    public int Passes => _passes;

    /// <summary>An order the API accepted (201): watch it.</summary>
    public void Add(Submission submission) => _incoming.Enqueue(submission);

    /// <summary>No more orders will be added: the watch ends when every one is settled.</summary>
    public void SubmissionsEnded() => Interlocked.Exchange(ref _submissionsEndedAt, Stopwatch.GetTimestamp());

    /// <summary>
    /// Polls until every added order is settled, after <see cref="SubmissionsEnded"/>; true then, false when
    /// <paramref name="timeout"/> has passed since <see cref="SubmissionsEnded"/> (the orders still pending are those
    /// missing from <see cref="Settled"/>).
    /// </summary>
    public async Task<bool> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = new List<Submission>();
        while (true)
        {
            var passStarted = Stopwatch.GetTimestamp();
            var endedAt = Interlocked.Read(ref _submissionsEndedAt); // read before taking the new orders, so that none added before the end is missed
            while (_incoming.TryDequeue(out var submission))
            {
                pending.Add(submission);
            }

            if (endedAt != 0)
            {
                if (pending.Count == 0)
                {
                    return true;
                }

                if (Stopwatch.GetElapsedTime(endedAt) > timeout)
                {
                    return false;
                }
            }

            if (pending.Count > 0)
            {
                await PassAsync(pending, cancellationToken);
                Interlocked.Increment(ref _passes);
            }

            var wait = PassInterval - Stopwatch.GetElapsedTime(passStarted);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private async Task PassAsync(List<Submission> pending, CancellationToken cancellationToken)
    {
        var stillSubmitted = 0;
        for (var start = 0; start < pending.Count && stillSubmitted < ProbesPerPass;)
        {
            // A first small chunk: when the oldest order is still Submitted, the pass costs only that many requests.
            var chunk = pending.GetRange(start, Math.Min(start == 0 ? ProbesPerPass : Parallelism, pending.Count - start));
            start += chunk.Count;
            var answers = await Task.WhenAll(chunk.Select(submission => StatusAsync(submission.OrderId, cancellationToken)));
            stillSubmitted += answers.Count(status => status is null or "Submitted");
            for (var i = 0; i < chunk.Count; i++)
            {
                if (answers[i] is { } status && status != "Submitted")
                {
                    _settled[chunk[i].OrderId] = status;
                }
            }
        }

        pending.RemoveAll(submission => _settled.ContainsKey(submission.OrderId));
    }

    // The order's status, or null when the host did not answer 200 (counted in Errors).
    private async Task<string?> StatusAsync(string orderId, CancellationToken cancellationToken)
    {
        var client = clients[Interlocked.Increment(ref _sequence) % clients.Count];
        Interlocked.Increment(ref _requests);
        try
        {
            using var response = await client.GetAsync(new Uri($"/orders/{orderId}", UriKind.Relative), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                _errors.AddOrUpdate($"GET {(int)response.StatusCode}", 1, (_, count) => count + 1);
                return null;
            }

            var status = (await response.Content.ReadFromJsonAsync<OrderStatusOnly>(cancellationToken))?.Status;
            if (status is not null && status != "Submitted")
            {
                var now = Stopwatch.GetTimestamp();
                for (var last = LastSettledAt; now > last; last = LastSettledAt)
                {
                    if (Interlocked.CompareExchange(ref _lastSettledAt, now, last) == last)
                    {
                        break;
                    }
                }
            }

            return status;
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _errors.AddOrUpdate($"GET {error.GetType().Name}", 1, (_, count) => count + 1);
            return null;
        }
    }

    /// <summary>The one field of the CRM's order view the watch reads.</summary>
    private sealed record OrderStatusOnly(string? Status);
}
