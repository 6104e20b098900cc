using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDrive.LoadTest;

/// <summary>One order submitted during the load: its id, product and quantity, and how long the API took to accept it.</summary>
internal sealed record Submission(string OrderId, string ProductId, int Quantity);

/// <summary>
/// Concurrent clients submitting single-line orders for a few products with limited stock, as the development
/// salesperson, until the request budget or the time is spent; then waits for the ERP to settle every order and
/// checks that none was lost and none oversold.
/// </summary>
internal sealed class OrderLoad(Uri address, LoadTestOptions options, TextWriter output)
{
    private const string AdminKey = "dev-admin-alex";
    private const string SalespersonKey = "dev-sales-sophie";
    private const string SalespersonId = "0190f5e2-0000-7000-8000-000000000001";

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var admin = Client(AdminKey, 1);
        using var sales = Client(SalespersonKey, options.Clients);
        var run = Guid.NewGuid().ToString("N")[..8];
        var products = await AddProductsAsync(admin, run, cancellationToken);
        var customers = await AddCustomersAsync(sales, run, cancellationToken);

        var (submissions, latencies, refusals, elapsed) = await SubmitAsync(sales, products, customers, cancellationToken);
        var sorted = latencies.Order().ToArray();
        output.WriteLine($"submitted {submissions.Count:N0} orders with {options.Clients} concurrent clients in {elapsed.TotalSeconds:0.0} s: "
            + $"{sorted.Length / elapsed.TotalSeconds:N0} requests/s; latency p50 {Percentile(sorted, 0.50):0.0} ms, "
            + $"p90 {Percentile(sorted, 0.90):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {sorted.LastOrDefault():0.0} ms");
        output.WriteLine(refusals.IsEmpty ? "every request was accepted (201)" : $"refused: {string.Join(", ", refusals.Select(r => $"{r.Key} × {r.Value}"))}");

        var settle = Stopwatch.StartNew();
        var statuses = await SettleAsync(sales, submissions, cancellationToken);
        output.WriteLine($"the ERP settled every order {settle.Elapsed.TotalSeconds:0.0} s after the last submission");
        return await CheckAsync(admin, products, submissions, statuses, refusals, cancellationToken);
    }

    private async Task<(IReadOnlyList<Submission>, IReadOnlyList<double>, ConcurrentDictionary<string, int>, TimeSpan)> SubmitAsync(
        HttpClient sales, IReadOnlyList<string> products, IReadOnlyList<string> customers, CancellationToken cancellationToken)
    {
        var submissions = new ConcurrentQueue<Submission>();
        var latencies = new ConcurrentQueue<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        var issued = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(
            async () =>
            {
                var random = new Random(client);
                while (Interlocked.Increment(ref issued) <= options.Requests && clock.Elapsed < options.Duration)
                {
                    var product = products[random.Next(products.Count)];
                    var quantity = random.Next(1, 4);
                    var started = Stopwatch.GetTimestamp();
                    using var response = await sales.PostAsJsonAsync(
                        "/orders", new { customerId = customers[client], lines = new[] { new { productId = product, quantity } } }, cancellationToken);
                    latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var order = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                        submissions.Enqueue(new Submission(order.GetProperty("id").GetString()!, product, quantity));
                    }
                    else
                    {
                        refusals.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, count) => count + 1);
                    }
                }
            },
            cancellationToken)));
        return ([.. submissions], [.. latencies], refusals, clock.Elapsed);
    }

    // Every submitted order must leave Submitted (the ERP answers Confirmed, Backordered or Rejected); waits up to two minutes.
    private async Task<Dictionary<string, string>> SettleAsync(HttpClient sales, IReadOnlyList<Submission> submissions, CancellationToken cancellationToken)
    {
        var wanted = submissions.Select(s => s.OrderId).ToHashSet(StringComparer.Ordinal);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var known = (await sales.GetFromJsonAsync<JsonElement>($"/salespeople/{SalespersonId}/orders", cancellationToken)).EnumerateArray()
                .Select(o => (Id: o.GetProperty("id").GetString()!, Status: o.GetProperty("status").GetString()!))
                .Where(o => wanted.Contains(o.Id))
                .ToDictionary(o => o.Id, o => o.Status, StringComparer.Ordinal);
            if ((known.Count == wanted.Count && known.Values.All(s => s != "Submitted")) || deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                return known;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<bool> CheckAsync(
        HttpClient admin, IReadOnlyList<string> products, IReadOnlyList<Submission> submissions, Dictionary<string, string> statuses,
        ConcurrentDictionary<string, int> refusals, CancellationToken cancellationToken)
    {
        var lost = submissions.Count(s => !statuses.ContainsKey(s.OrderId));
        var unsettled = statuses.Values.Count(s => s is not ("Confirmed" or "Backordered"));
        output.WriteLine($"orders: {statuses.Values.Count(s => s == "Confirmed"):N0} confirmed, {statuses.Values.Count(s => s == "Backordered"):N0} backordered, "
            + $"{unsettled} in another status, {lost} lost");
        var ok = lost == 0 && unsettled == 0 && refusals.IsEmpty && submissions.Count > 0;
        foreach (var product in products)
        {
            var mine = submissions.Where(s => s.ProductId == product).ToArray();
            var confirmed = mine.Where(s => statuses.GetValueOrDefault(s.OrderId) == "Confirmed").Sum(s => s.Quantity);
            var waiting = mine.Where(s => statuses.GetValueOrDefault(s.OrderId) == "Backordered").Select(s => s.Quantity).ToArray();
            var stock = await admin.GetFromJsonAsync<JsonElement>($"/products/{product}/stock", cancellationToken);
            var onHand = stock.GetProperty("onHand").GetInt32();
            var reserved = stock.GetProperty("reservations").EnumerateArray().Sum(r => r.GetProperty("quantity").GetInt32());
            var available = onHand - reserved;

            // No oversell: what is confirmed fits the stock and is exactly what is reserved. No idle stock: a waiting
            // order is larger than what is left (nothing was received meanwhile, so it could not have fitted since).
            var productOk = confirmed <= options.StockPerProduct && reserved == confirmed && onHand == options.StockPerProduct
                && available >= 0 && (waiting.Length == 0 || available < waiting.Min());
            output.WriteLine($"product {product}: stock {onHand}, confirmed {confirmed} units = reserved {reserved}, available {available}, "
                + $"{waiting.Length:N0} orders ({waiting.Sum():N0} units) backordered — {(productOk ? "ok" : "WRONG")}");
            ok &= productOk;
        }

        output.WriteLine(ok ? "PASS: no oversell, no lost order" : "FAIL: see above");
        return ok;
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

    private HttpClient Client(string apiKey, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
