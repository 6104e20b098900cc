using System.Globalization;

namespace EcoDrive.LoadTest;

/// <summary>
/// One run's figures: orders accepted per second during submission with the submission latencies, and orders per
/// second end to end — from the first submission until every accepted order was final in the CRM (null when some
/// were not, within the timeout).
/// </summary>
internal sealed record LoadResult(
    string Engine,
    int Hosts,
    int Products,
    int Clients,
    int Orders,
    double SubmissionsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    double? EndToEndPerSecond,
    int Confirmed,
    int Backordered,
    int Rejected,
    bool Passed)
{
    /// <summary>The markdown table's header, in the order of <see cref="MarkdownRow"/> (benchmarks/results/LoadTest.md).</summary>
    public const string MarkdownHeader = """
        | engine | hosts | products | clients | orders | submissions/s | p50 | p99 | end-to-end orders/s | confirmed / backordered / rejected | checks |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        """;

    /// <summary>
    /// <c>result: key=value …</c> on one line, in a fixed order, invariant culture, no thousands separators;
    /// <c>e2e_orders_per_s=none</c> when not every order was final in time.
    /// </summary>
    public string ResultLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"result: engine={Engine} hosts={Hosts} products={Products} clients={Clients} orders={Orders} "
        + $"submissions_per_s={SubmissionsPerSecond:0.0} p50_ms={P50Milliseconds:0.0} p99_ms={P99Milliseconds:0.0} "
        + $"e2e_orders_per_s={(EndToEndPerSecond is { } e ? e.ToString("0.0", CultureInfo.InvariantCulture) : "none")} "
        + $"confirmed={Confirmed} backordered={Backordered} rejected={Rejected} checks={(Passed ? "pass" : "fail")}");

    /// <summary>One row of <see cref="MarkdownHeader"/>'s table.</summary>
    public string MarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Engine} | {Hosts} | {Products:N0} | {Clients} | {Orders:N0} | {SubmissionsPerSecond:N0} | {P50Milliseconds:0.0} ms | {P99Milliseconds:0.0} ms | "
        + $"{(EndToEndPerSecond is { } e ? e.ToString("N0", CultureInfo.InvariantCulture) : "not all final")} | "
        + $"{Confirmed:N0} / {Backordered:N0} / {Rejected:N0} | {(Passed ? "pass" : "FAIL")} |");
}
