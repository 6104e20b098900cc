// The order pipeline's load test on this machine (127.0.0.1 only): starts the built web host — or two of them on one
// PostgreSQL database — on a fresh database of the chosen engine; concurrent clients submit orders for products with
// limited stock until an order budget or a duration is spent, while a watch polls the CRM until every accepted order
// is final (Confirmed, Backordered or Rejected). Prints the submissions per second with their latency percentiles and
// the orders per second end to end, then checks that no order was lost or left unsettled and no product oversold.
// Exit code 0 when every check passes, 1 when one fails, 2 for bad options. See benchmarks/README.md.
using EcoDrive.LoadTest;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args, Environment.GetEnvironmentVariable(LoadTestOptions.PostgresVariable));
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(LoadTestOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource(options.Duration + options.SettleTimeout + TimeSpan.FromMinutes(5));
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true; // stop the hosts and remove the database on the way out
    stop.Cancel();
};

Console.WriteLine($"EcoDrive load test: {options.StorageName} storage, {options.Hosts} host{(options.Hosts == 1 ? "" : "s")}, "
    + $"{options.Clients} clients, at most {options.Orders:N0} orders or {options.Duration.TotalSeconds:0} s, "
    + $"{options.Products:N0} product{(options.Products == 1 ? "" : "s")} × {options.StockPerProduct:N0} units in stock");

await using var storage = options.Target is null ? await HostStorage.CreateAsync(options, stop.Token) : null;
var hosts = new List<HostProcess>();
try
{
    if (storage is not null)
    {
        Console.WriteLine($"storage: {storage.Description}");
        // One after the other: the first creates the schema before the second starts.
        for (var i = 1; i <= options.Hosts; i++)
        {
            hosts.Add(await HostProcess.StartAsync($"host {i}", [.. storage.Arguments, .. HostConfiguration.LoadTestArguments], storage.Environment, stop.Token));
            Console.WriteLine($"started host {i} at {hosts[^1].Address}");
        }
    }
    else
    {
        Console.WriteLine($"target: {options.Target} (storage as that host is configured; the result is labelled {options.StorageName})");
    }

    var addresses = storage is null ? [options.Target!] : hosts.Select(h => h.Address).ToArray();
    var result = await new OrderLoad(addresses, options, Console.Out).RunAsync(stop.Token);

    var hostsOk = true;
    foreach (var host in hosts)
    {
        var exited = host.ExitCode is { } code ? $"; EXITED with code {code} during the run" : string.Empty;
        Console.WriteLine($"{host.Name} logged {host.Warnings:N0} warnings and {host.Errors:N0} errors{exited}");
        foreach (var line in host.FirstProblems)
        {
            Console.WriteLine($"  {host.Name}| {line}");
        }

        hostsOk &= host.ExitCode is null;
    }

    result = result with { Passed = result.Passed && hostsOk };
    Console.WriteLine(result.Passed ? "PASS: no oversell, no lost order, every order final in the CRM" : "FAIL: see above");
    Console.WriteLine(result.ResultLine());
    if (options.MarkdownHeader)
    {
        Console.WriteLine(LoadResult.MarkdownHeader);
    }

    Console.WriteLine(result.MarkdownRow());
    return result.Passed ? 0 : 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped before the end (Ctrl+C, or the run took longer than its duration, timeout and 5 minutes).");
    return 1;
}
finally
{
    for (var i = hosts.Count - 1; i >= 0; i--)
    {
        await hosts[i].DisposeAsync();
    }
}

/// <summary>What every started host gets whatever its storage.</summary>
internal static class HostConfiguration
{
    /// <summary>
    /// Every request is the development salesperson's, so the per-user rate limit (10,000/s by default) is lifted far
    /// above what this machine can reach: the load test measures the pipeline, not the limiter.
    /// </summary>
    public static readonly string[] LoadTestArguments = ["--EcoDrive:RateLimits:RequestsPerUserPerSecond=1000000"];
}
