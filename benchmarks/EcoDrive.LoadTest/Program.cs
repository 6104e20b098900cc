// A bounded load test of the web host on this machine (127.0.0.1 only): concurrent clients submit orders for a few
// products with limited stock until a request budget or a duration is spent, then the run checks that every order
// was settled (Confirmed or Backordered), none was lost and no product was oversold, and prints requests/s and the
// latency percentiles. Exit code 0 when every check passes. See benchmarks/README.md.
using EcoDrive.LoadTest;

var options = LoadTestOptions.Parse(args);
using var stop = new CancellationTokenSource(options.Duration + TimeSpan.FromMinutes(5));
Console.WriteLine($"EcoDrive load test: {options.Clients} clients, at most {options.Requests:N0} orders or {options.Duration.TotalSeconds:0} s, "
    + $"{options.Products} products × {options.StockPerProduct} units in stock");

await using var host = options.Target is null ? await HostProcess.StartAsync(stop.Token) : null;
var address = options.Target ?? host!.Address;
Console.WriteLine(host is null ? $"target: {address}" : $"started the host at {address}");
return await new OrderLoad(address, options, Console.Out).RunAsync(stop.Token) ? 0 : 1;
