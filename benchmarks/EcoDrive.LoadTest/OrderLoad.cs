using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.LoadTest;

/// <summary>One order the API accepted during the load: its id, product and quantity.</summary>
internal sealed record Submission(string OrderId, string ProductId, int Quantity);

/// <summary>
/// Concurrent clients submitting single-line orders for products with limited stock, as the development salesperson,
/// alternating between the hosts, until the order budget or the time is spent; meanwhile and afterwards a
/// <see cref="SettlementWatch"/> waits for every accepted order to be final in the CRM; then checks that none was
/// lost and none oversold.
/// </summary>
internal sealed class OrderLoad(IReadOnlyList<Uri> addresses, LoadTestOptions options, TextWriter output)
{
    private const string AdminKey = "dev-admin-alex";
    private const string SalespersonKey = "dev-sales-sophie";
    private const string SalespersonId = "0190f5e2-0000-7000-8000-000000000001";

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        using var admin = Client(addresses[0], AdminKey, 1);
        var sales = addresses.Select(address => Client(address, SalespersonKey, options.Clients)).ToArray();
        var watchers = addresses.Select(address => Client(address, SalespersonKey, SettlementWatch.Parallelism)).ToArray();
        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var products = await AddProductsAsync(admin, run, cancellationToken);
            var customers = await AddCustomersAsync(sales[0], run, cancellationToken);

            var watch = new SettlementWatch(watchers);
            var watching = watch.RunAsync(options.SettleTimeout, cancellationToken);
            var load = await SubmitAsync(sales, products, customers, watch, cancellationToken);
            var sorted = load.Latencies.Order().ToArray();
            var (p50, p99) = (Percentile(sorted, 0.50), Percentile(sorted, 0.99));
            var submissionsPerSecond = load.Submissions.Count / load.Elapsed.TotalSeconds;
            output.WriteLine($"submitted {load.Submissions.Count:N0} orders with {options.Clients} concurrent clients in {load.Elapsed.TotalSeconds:0.00} s: "
                + $"{submissionsPerSecond:N0} orders/s; latency p50 {p50:0.0} ms, p90 {Percentile(sorted, 0.90):0.0} ms, p99 {p99:0.0} ms, max {sorted.LastOrDefault():0.0} ms");
            output.WriteLine(load.Refusals.IsEmpty
                ? "every submission was accepted (201)"
                : $"REFUSED: {string.Join(", ", load.Refusals.Select(r => $"{r.Key} × {r.Value}"))}; first of each: "
                    + string.Join(" | ", load.FirstRefusals.Select(r => $"{r.Key}: {r.Value}")));

            var allSettled = await watching;
            TimeSpan? endToEnd = allSettled && load.Submissions.Count > 0 ? Stopwatch.GetElapsedTime(load.StartedAt, watch.LastSettledAt) : null;
            output.WriteLine(endToEnd is { } total
                ? $"end to end: every accepted order was final in the CRM {total.TotalSeconds:0.00} s after the first submission "
                    + $"({(total - load.Elapsed).TotalSeconds:0.00} s after the last): {load.Submissions.Count / total.TotalSeconds:N0} orders/s"
                : $"end to end: NOT every accepted order was final in the CRM {options.SettleTimeout.TotalSeconds:0} s after the last submission "
                    + $"({load.Submissions.Count - watch.Settled.Count:N0} of {load.Submissions.Count:N0} still Submitted)");
            output.WriteLine($"status polling: {watch.Requests:N0} GET /orders/{{id}} in {watch.Passes:N0} passes"
                + (watch.Errors.Count == 0 ? string.Empty : $"; NOT ANSWERED: {string.Join(", ", watch.Errors.Select(e => $"{e.Key} × {e.Value}"))}"));

            var (counts, passed) = await CheckAsync(sales[0], admin, products, load, watch, cancellationToken);
            return new LoadResult(
                options.StorageName, addresses.Count, options.Products, options.Clients, load.Submissions.Count,
                submissionsPerSecond, p50, p99, endToEnd is { } e ? load.Submissions.Count / e.TotalSeconds : null,
                counts.Confirmed, counts.Backordered, counts.Rejected, passed);
        }
        finally
        {
            foreach (var client in sales.Concat(watchers))
            {
                client.Dispose();
            }
        }
    }

    private async Task<Load> SubmitAsync(
        HttpClient[] sales, IReadOnlyList<string> products, IReadOnlyList<string> customers, SettlementWatch watch, CancellationToken cancellationToken)
    {
        var submissions = new ConcurrentQueue<Submission>();
        var latencies = new ConcurrentQueue<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        var firstRefusals = new ConcurrentDictionary<string, string>();
        var issued = 0;
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(
                async () =>
                {
                    var random = new Random(client);
                    var http = sales[client % sales.Length]; // clients alternate between the hosts
                    while (Interlocked.Increment(ref issued) <= options.Orders && Stopwatch.GetElapsedTime(startedAt) < options.Duration)
                    {
                        var product = products[random.Next(products.Count)];
                        var quantity = random.Next(1, 4);
                        var started = Stopwatch.GetTimestamp();
                        try
                        {
                            using var response = await http.PostAsJsonAsync(
                                "/orders", new { customerId = customers[client], lines = new[] { new { productId = product, quantity } } }, cancellationToken);
                            latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                            if (response.StatusCode == HttpStatusCode.Created)
                            {
                                var order = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                                var submission = new Submission(order.GetProperty("id").GetString()!, product, quantity);
                                submissions.Enqueue(submission);
                                watch.Add(submission);
                            }
                            else
                            {
                                var code = $"{(int)response.StatusCode}";
                                refusals.AddOrUpdate(code, 1, (_, count) => count + 1);
                                if (!firstRefusals.ContainsKey(code))
                                {
                                    firstRefusals.TryAdd(code, Shorten(await response.Content.ReadAsStringAsync(cancellationToken)));
                                }
                            }
                        }
                        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                        {
                            var name = error.GetType().Name;
                            refusals.AddOrUpdate(name, 1, (_, count) => count + 1);
                            firstRefusals.TryAdd(name, Shorten(error.Message));
                        }
                    }
                },
                cancellationToken)));
        }
        finally
        {
            watch.SubmissionsEnded();
        }

        return new Load([.. submissions], [.. latencies], refusals, firstRefusals, startedAt, Stopwatch.GetElapsedTime(startedAt));
    }

    // The CRM's final word, read once for all the salesperson's orders: what the watch saw settled must still be so.
    private async Task<(StatusCounts Counts, bool Passed)> CheckAsync(
        HttpClient sales, HttpClient admin, IReadOnlyList<string> products, Load load, SettlementWatch watch, CancellationToken cancellationToken)
    {
        var submissions = load.Submissions;
        var wanted = submissions.Select(s => s.OrderId).ToHashSet(StringComparer.Ordinal);
        var statuses = (await sales.GetFromJsonAsync<JsonElement>($"/salespeople/{SalespersonId}/orders", cancellationToken)).EnumerateArray()
            .Select(o => (Id: o.GetProperty("id").GetString()!, Status: o.GetProperty("status").GetString()!))
            .Where(o => wanted.Contains(o.Id))
            .ToDictionary(o => o.Id, o => o.Status, StringComparer.Ordinal);
        var lost = submissions.Count(s => !statuses.ContainsKey(s.OrderId));
        var counts = new StatusCounts(
            statuses.Values.Count(s => s == "Confirmed"), statuses.Values.Count(s => s == "Backordered"), statuses.Values.Count(s => s == "Rejected"));
        var stillSubmitted = statuses.Values.Count(s => s == "Submitted");
        var other = statuses.Count - counts.Confirmed - counts.Backordered - counts.Rejected - stillSubmitted;
        var unsettled = submissions.Count(s => !watch.Settled.ContainsKey(s.OrderId));
        var changed = watch.Settled.Count(seen => statuses.TryGetValue(seen.Key, out var now) && now != seen.Value);
        output.WriteLine($"orders in the CRM: {counts.Confirmed:N0} confirmed, {counts.Backordered:N0} backordered, {counts.Rejected:N0} rejected, "
            + $"{stillSubmitted:N0} still submitted, {other:N0} in another status, {lost:N0} lost, {unsettled:N0} not final in time, {changed:N0} changed after being seen final");

        // Every product exists and its queue is far below the ERP's limit: nothing should be rejected.
        var ok = submissions.Count > 0 && load.Refusals.IsEmpty && watch.Errors.Count == 0
            && lost == 0 && unsettled == 0 && changed == 0 && counts.Rejected == 0 && stillSubmitted == 0 && other == 0;
        var (goodProducts, confirmedUnits, backorderedOrders) = (0, 0, 0);
        foreach (var product in products)
        {
            var mine = submissions.Where(s => s.ProductId == product).ToArray();
            var confirmed = mine.Where(s => statuses.GetValueOrDefault(s.OrderId) == "Confirmed").Sum(s => s.Quantity);
            var waiting = mine.Where(s => statuses.GetValueOrDefault(s.OrderId) == "Backordered").Select(s => s.Quantity).ToArray();
            var stock = await admin.GetFromJsonAsync<JsonElement>($"/products/{product}/stock", cancellationToken);
            var onHand = stock.GetProperty("onHand").GetInt32();
            var reservations = stock.GetProperty("reservations").EnumerateArray().ToArray();
            var reserved = reservations.Sum(r => r.GetProperty("quantity").GetInt32());
            var available = onHand - reserved;

            // The CRM and the ERP agree: the orders the CRM shows confirmed are those holding a reservation, and the
            // ones it shows backordered are those in the product's queue.
            var disagreements = Disagreements(mine, statuses, "Confirmed", reservations)
                + Disagreements(mine, statuses, "Backordered", stock.TryGetProperty("backorders", out var queue) ? queue.EnumerateArray().ToArray() : []);

            // No oversell: what is confirmed fits the stock and is exactly what is reserved. No idle stock: a waiting
            // order is larger than what is left (nothing was received meanwhile, so it could not have fitted since).
            var productOk = confirmed <= options.StockPerProduct && reserved == confirmed && onHand == options.StockPerProduct
                && available >= 0 && (waiting.Length == 0 || available < waiting.Min()) && disagreements == 0;
            if (!productOk || products.Count <= 5)
            {
                output.WriteLine($"product {product}: stock {onHand}, confirmed {confirmed} units = reserved {reserved}, available {available}, "
                    + $"{waiting.Length:N0} orders ({waiting.Sum():N0} units) backordered, CRM and ERP disagree on {disagreements:N0} orders "
                    + $"— {(productOk ? "ok" : "WRONG")}");
            }

            ok &= productOk;
            goodProducts += productOk ? 1 : 0;
            confirmedUnits += confirmed;
            backorderedOrders += waiting.Length;
        }

        if (products.Count > 5)
        {
            output.WriteLine($"{goodProducts} of {products.Count} products ok: {confirmedUnits:N0} units confirmed and reserved, "
                + $"{backorderedOrders:N0} orders backordered");
        }

        return (counts, ok);
    }

    // Orders of one product the CRM shows in `status` but the ERP does not list in `lines` (its reservations or its
    // queue), plus those the ERP lists that the CRM shows in another status.
    private static int Disagreements(Submission[] mine, Dictionary<string, string> statuses, string status, JsonElement[] lines)
    {
        var inCrm = mine.Where(s => statuses.GetValueOrDefault(s.OrderId) == status).Select(s => s.OrderId).ToHashSet(StringComparer.Ordinal);
        var inErp = lines.Select(l => l.GetProperty("orderId").GetString()!).ToHashSet(StringComparer.Ordinal);
        return inCrm.Count(id => !inErp.Contains(id)) + inErp.Count(id => !inCrm.Contains(id));
    }

    private async Task<IReadOnlyList<string>> AddProductsAsync(HttpClient admin, string run, CancellationToken cancellationToken)
    {
        var products = new List<string>();
        for (var i = 1; i <= options.Products; i++)
        {
            var response = await admin.PostAsJsonAsync(
                "/products",
                new { name = $"Load test EV {i} ({run})", segment = "suv", listPrice = new { amount = "30000.00", currency = "EUR" }, vatRatePercent = 20 },
                cancellationToken);
            var id = (await Created(response, cancellationToken)).GetProperty("id").GetString()!;
            (await admin.PostAsJsonAsync($"/products/{id}/stock/receipts", new { quantity = options.StockPerProduct }, cancellationToken)).EnsureSuccessStatusCode();
            products.Add(id);
        }

        return products;
    }

    private async Task<IReadOnlyList<string>> AddCustomersAsync(HttpClient sales, string run, CancellationToken cancellationToken)
    {
        var customers = new List<string>();
        for (var i = 0; i < options.Clients; i++)
        {
            var response = await sales.PostAsJsonAsync(
                "/customers",
                new { kind = "Individual", firstName = "Load", lastName = $"Client {i}", email = $"load.{run}.{i}@example.com" },
                cancellationToken);
            customers.Add((await Created(response, cancellationToken)).GetProperty("id").GetString()!);
        }

        return customers;
    }

    private static async Task<JsonElement> Created(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode == HttpStatusCode.Created
            ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)
            : throw new InvalidOperationException($"Set-up refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");

    private static HttpClient Client(Uri address, string apiKey, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}…";

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>What the submission phase produced; <see cref="StartedAt"/> is the <see cref="Stopwatch"/> timestamp of the first submission.</summary>
    private sealed record Load(
        IReadOnlyList<Submission> Submissions, IReadOnlyList<double> Latencies, ConcurrentDictionary<string, int> Refusals,
        ConcurrentDictionary<string, string> FirstRefusals, long StartedAt, TimeSpan Elapsed);

    private sealed record StatusCounts(int Confirmed, int Backordered, int Rejected);
}
