using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// Hostile input against every writing endpoint, on the storage a user runs: each request starts from a valid body
/// on records that exist, then breaks one field with a value of one class — extreme integers, extreme or malformed
/// amounts, lower-case or numeric currencies, control characters, oversized text, unknown references, integer or unknown
/// enum values, null array elements, values of the wrong JSON type — and is sent with one of many <c>Accept</c>
/// headers. Every broken request must be refused with a 4xx problem details body, whatever the <c>Accept</c> header; no
/// request may fail the server or log an error; and every list a screen shows still reads afterwards.
/// </summary>
public abstract class HostileInputTests(HostileInputTests.Host host)
{
    /// <summary>How many generated requests one run sends.</summary>
    protected const int Requests = 20_000;

    private static readonly string[] s_accepts =
    [
        "application/json", "text/html", "text/event-stream", "*/*", "", "application/xml", "text/plain;q=0.5, image/*",
        "application/problem+json", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "garbage/", "*/*;q=0",
    ];

    /// <summary>The kinds of value a field holds, each with the hostile values that a request must not get through.</summary>
    private enum Field { Quantity, Count, Change, Percent, Amount, Currency, Text, Reference, Segment, Kind, Array }

    private static readonly Dictionary<Field, JsonNode?[]> s_hostile = new()
    {
        [Field.Quantity] = [int.MaxValue, int.MinValue, -1, 0, 2_000_000_000, 1.5, "3", 1e20, true],
        [Field.Count] = [int.MaxValue, int.MinValue, -1, 1.5, "3", 1e20, false],
        [Field.Change] = [int.MaxValue, int.MinValue, 0, 1.5, "3", 1e20],
        [Field.Percent] = [-1, 101, 1000, 1e30, "20", true],
        [Field.Amount] = ["79228162514264337593543950335", "-79228162514264337593543950335", "1e30", "NaN", "", "12,50", 12.5, "99999999999999999999.99", true],
        [Field.Currency] = ["eur", "EU", "EURO", "€", 978, "E\u0000R"],
        [Field.Text] = ["\u0000", "Martin\u0000", "a\u0007b", "x\u001b[31my", "c\u009bd", new string('x', 100_000), 42],
        [Field.Reference] = [Guid.NewGuid().ToString(), Guid.Empty.ToString(), "not-a-guid", 12, "0190f5e2-0000-7000-8000-00000000000Z"],
        [Field.Segment] = ["suv\u0000", "SUV!", "suv suv", "", 1],
        [Field.Kind] = [1, "1", "Alien", "", null],
        [Field.Array] = [new JsonArray((JsonNode?)null), new JsonArray(1, 2), "lines", new JsonObject()],
    };

    /// <summary>Sophie, a salesperson of the host's development users.</summary>
    private const string SalespersonId = "0190f5e2-0000-7000-8000-000000000001";

    /// <summary>Sends the generated requests and checks every answer, then that every list still reads.</summary>
    protected async Task RunAsync()
    {
        var world = await World.CreateAsync(host);
        var operations = Operations(world);
        var failures = new ConcurrentQueue<string>();
        var refused = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var random = new Random(20261205 + i);
            var operation = operations[random.Next(operations.Count)];
            var (body, broken) = Mutate(operation, random);
            var accept = s_accepts[random.Next(s_accepts.Length)];
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path(random));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            if (accept.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            using var response = await Client(operation.Role).SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && text.Length > 2;
            if (status >= 400)
            {
                Interlocked.Increment(ref refused);
            }

            if (status >= 500 || (status >= 400 && !problem) || (broken is not null && status < 400) || (operation.MustFail && status < 400))
            {
                failures.Enqueue($"{status} {operation.Method} {request.RequestUri} [Accept: {accept}] broken: {broken ?? "nothing"} body: {Shorten(body?.ToJsonString())} answer: {Shorten(text)}");
            }
        });

        foreach (var list in new[] { "/stock-levels", "/stock-levels?underReorderPoint=true", "/products", "/purchase-orders", "/invoices", "/invoices/overdue", $"/customers/{world.Customer}/orders", $"/products/{world.Product}/stock" })
        {
            using var response = await host.As("Administrator").GetAsync(list);
            if (!response.IsSuccessStatusCode)
            {
                failures.Enqueue($"after the run, {list} answers {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        var stock = await host.As("Warehouse").GetFromJsonAsync<JsonElement>($"/products/{world.Product}/stock");
        foreach (var quantity in stock.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            if (quantity.Value.GetInt64() is < 0 or > int.MaxValue)
            {
                failures.Enqueue($"after the run, stock {quantity.Name} is {quantity.Value}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers of {Requests} ({refused} refused), e.g.:\n{string.Join("\n", failures.Take(25))}");
        Assert.True(host.Errors.IsEmpty, $"the host logged {host.Errors.Count} errors, e.g.:\n{string.Join("\n", host.Errors.Take(10))}");
        Assert.True(refused > Requests / 2, $"only {refused} of {Requests} requests were refused: the generator no longer breaks what it should");
    }

    /// <summary>A client with the role's development key, or with a key nobody holds.</summary>
    private HttpClient Client(string role)
    {
        if (WebHostFixture.Keys.ContainsKey(role))
        {
            return host.As(role);
        }

        var stranger = host.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key-anyone-holds");
        return stranger;
    }

    private static string Shorten(string? text) => text is null ? "-" : text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>The body with one field broken (or none, for one request in five), and which field.</summary>
    private static (JsonNode? Body, string? Broken) Mutate(Operation operation, Random random)
    {
        var body = operation.Body?.DeepClone();
        if (body is null || operation.Fields.Count == 0 || random.Next(5) == 0)
        {
            return (body, null);
        }

        var (path, field) = operation.Fields[random.Next(operation.Fields.Count)];
        var values = s_hostile[field];
        var value = values[random.Next(values.Length)]?.DeepClone();
        var parent = body;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            parent = int.TryParse(step, out var index) ? parent![index] : parent![step];
        }

        var last = steps[^1];
        if (parent is JsonArray array)
        {
            array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent!.AsObject()[last] = value;
        }

        return (body, $"{path}={Shorten(value?.ToJsonString())}");
    }

    private sealed record Operation(string Method, Func<Random, string> Path, string Role, JsonNode? Body, IReadOnlyList<(string Path, Field Field)> Fields, bool MustFail = false);

    private static Operation Write(string method, string path, string role, string body, params (string, Field)[] fields) =>
        new(method, _ => path, role, JsonNode.Parse(body), fields);

    private static Operation Read(string path, string role, bool mustFail = false) => new("GET", _ => path, role, null, [], mustFail);

    /// <summary>Every writing endpoint with a valid body on records that exist, and the fields that can be broken.</summary>
    private static List<Operation> Operations(World w)
    {
        var money = """{"amount":"100.00","currency":"EUR"}""";
        var unknown = new Func<Random, string>(r => Guid.NewGuid().ToString());
        return
        [
            Write("POST", "/customers", "Salesperson",
                """{"kind":"Individual","firstName":"Camille","lastName":"Martin","email":"c.martin@example.fr","phone":"06 12 34 56 78","billingAddress":{"line1":"12 rue des Lilas","postalCode":"69003","city":"Lyon"}}""",
                ("kind", Field.Kind), ("firstName", Field.Text), ("lastName", Field.Text), ("email", Field.Text), ("phone", Field.Text),
                ("billingAddress.line1", Field.Text), ("billingAddress.city", Field.Text), ("billingAddress.postalCode", Field.Text), ("billingAddress", Field.Array)),
            Write("POST", "/customers", "Salesperson",
                """{"kind":"Company","legalName":"Flotte Verte SAS","siren":"732829320","email":"fleet@example.fr"}""",
                ("legalName", Field.Text), ("siren", Field.Text), ("kind", Field.Kind)),
            Write("POST", $"/customers/{w.Customer}/interests", "Salesperson", """{"segment":"suv"}""", ("segment", Field.Segment)),
            Write("POST", $"/customers/{w.Customer}/consent", "Salesperson", """{"source":"showroom form"}""", ("source", Field.Text)),
            Write("POST", "/leads", "Salesperson",
                """{"firstName":"Nina","lastName":"Moreau","source":"Website","email":"nina@example.fr","interests":["suv"]}""",
                ("firstName", Field.Text), ("lastName", Field.Text), ("source", Field.Kind), ("email", Field.Text), ("interests", Field.Array), ("interests.0", Field.Segment)),
            Write("POST", $"/leads/{w.Lead}/lose", "Salesperson", """{"reason":"bought elsewhere"}""", ("reason", Field.Text)),
            Write("PUT", $"/leads/{w.Lead}/owner", "SalesDirector", $$"""{"salespersonId":"{{SalespersonId}}"}""", ("salespersonId", Field.Reference)),
            Write("POST", $"/leads/{w.Lead}/consent", "Salesperson", """{"source":"website form"}""", ("source", Field.Text)),
            Write("POST", $"/customers/{w.Customer}/interactions", "Salesperson", """{"kind":"Call","note":"Called about the SUV.\nCall back."}""",
                ("kind", Field.Kind), ("note", Field.Text)),
            Write("POST", $"/customers/{w.Customer}/follow-ups", "Salesperson", """{"dueAt":"2030-01-10T09:00:00Z","purpose":"Test drive"}""",
                ("purpose", Field.Text), ("assigneeId", Field.Reference), ("dueAt", Field.Kind)),
            Write("POST", $"/follow-ups/{w.FollowUp}/reschedule", "Salesperson", """{"dueAt":"2030-02-10T09:00:00Z","reason":"away"}""", ("reason", Field.Text)),
            Write("POST", $"/customers/{w.Customer}/offers", "Salesperson",
                $$"""{"items":[{"productId":"{{w.Product}}","quantity":1,"discountPercent":5}],"validUntil":"2030-01-01T00:00:00Z"}""",
                ("items", Field.Array), ("items.0", Field.Kind), ("items.0.productId", Field.Reference), ("items.0.quantity", Field.Quantity), ("items.0.discountPercent", Field.Percent)),
            Write("POST", $"/customers/{w.Customer}/offers", "Salesperson",
                $$"""{"items":[{"productId":"{{w.Product}}","quantity":1,"discountPerUnit":{{money}}}],"validUntil":"2030-01-01T00:00:00Z"}""",
                ("items.0.discountPerUnit.amount", Field.Amount), ("items.0.discountPerUnit.currency", Field.Currency), ("items.0.discountPerUnit", Field.Text)),
            Write("POST", $"/offers/{w.Offer}/decline", "Salesperson", """{"reason":"too expensive"}""", ("reason", Field.Text)),
            Write("POST", "/campaigns", "Marketing",
                """{"name":"SUV spring","segment":{"interestedIn":"suv"},"channel":"Email","message":{"subject":"{model}","body":"Bonjour {firstName}","model":"Volt X5"}}""",
                ("name", Field.Text), ("segment.interestedIn", Field.Segment), ("channel", Field.Kind), ("message.body", Field.Text), ("message.subject", Field.Text), ("segment.and", Field.Array)),
            Write("POST", "/products", "Administrator",
                $$"""{"name":"Volt Mini","segment":"city-car","listPrice":{{money}},"vatRatePercent":20,"reorderPoint":2}""",
                ("name", Field.Text), ("segment", Field.Segment), ("listPrice.amount", Field.Amount), ("listPrice.currency", Field.Currency), ("vatRatePercent", Field.Percent), ("reorderPoint", Field.Count), ("listPrice", Field.Text)),
            Write("PUT", $"/products/{w.Product}/list-price", "Administrator", """{"listPrice":{"amount":"42000.00","currency":"EUR"}}""",
                ("listPrice.amount", Field.Amount), ("listPrice.currency", Field.Currency)),
            Write("PUT", $"/products/{w.Product}/reorder-point", "Warehouse", """{"reorderPoint":3}""", ("reorderPoint", Field.Count)),
            Write("POST", $"/products/{w.Product}/stock/receipts", "Warehouse", """{"quantity":1}""", ("quantity", Field.Quantity)),
            Write("POST", $"/products/{w.Product}/stock/adjustments", "Warehouse", """{"change":1,"reason":"found in the yard"}""", ("change", Field.Change), ("reason", Field.Text)),
            Write("POST", "/purchase-orders", "Warehouse", """{"supplier":"Volt Motors"}""", ("supplier", Field.Text)),
            Write("POST", $"/purchase-orders/{w.PurchaseOrder}/lines", "Warehouse", $$"""{"productId":"{{w.Product}}","quantity":1}""",
                ("productId", Field.Reference), ("quantity", Field.Quantity)),
            Write("POST", $"/purchase-orders/{w.PlacedPurchaseOrder}/receipts", "Warehouse", $$"""{"productId":"{{w.Product}}","quantity":1}""",
                ("productId", Field.Reference), ("quantity", Field.Quantity)),
            Write("POST", "/orders", "Salesperson", $$"""{"customerId":"{{w.Customer}}","lines":[{"productId":"{{w.Product}}","quantity":1}]}""",
                ("customerId", Field.Reference), ("lines", Field.Array), ("lines.0", Field.Text), ("lines.0.productId", Field.Reference), ("lines.0.quantity", Field.Quantity)),
            Write("POST", "/orders", "Salesperson", $$$"""{"customerId":"{{{w.Customer}}}","lines":[{"productId":"{{{w.Product}}}","quantity":1,"unitPrice":{"amount":"42000.00","currency":"EUR"}}]}""",
                ("lines.0.unitPrice.amount", Field.Amount), ("lines.0.unitPrice.currency", Field.Currency)),
            Write("POST", $"/orders/{w.Order}/cancellation", "Salesperson", """{"reason":"changed their mind"}""", ("reason", Field.Text)),
            Write("POST", $"/orders/{w.ShippedOrder}/invoice", "Accountant", """{"paymentDays":30,"customerVatNumber":"FR40303265045"}""",
                ("paymentDays", Field.Count), ("customerVatNumber", Field.Text)),
            Write("POST", $"/invoices/{w.Invoice}/payments", "Accountant", $$"""{"amount":{"amount":"1.00","currency":"EUR"},"reference":"VIR-1"}""",
                ("amount.amount", Field.Amount), ("amount.currency", Field.Currency), ("reference", Field.Text)),
            Write("POST", $"/invoices/{w.Invoice}/credit-notes", "Accountant", """{"reason":"scratch","lines":[{"invoiceLine":1,"quantity":1,"unitPrice":{"amount":"10.00","currency":"EUR"}}]}""",
                ("reason", Field.Text), ("lines", Field.Array), ("lines.0", Field.Text), ("lines.0.invoiceLine", Field.Count), ("lines.0.quantity", Field.Quantity), ("lines.0.unitPrice.amount", Field.Amount), ("lines.0.unitPrice.currency", Field.Currency)),
            new("GET", r => $"/customers/{unknown(r)}", "Salesperson", null, [], MustFail: true),
            new("GET", r => $"/orders/{unknown(r)}", "Salesperson", null, [], MustFail: true),
            new("GET", r => $"/invoices/{unknown(r)}", "Accountant", null, [], MustFail: true),
            new("GET", r => $"/orders/{unknown(r)}/events", "Salesperson", null, [], MustFail: true),
            new("POST", r => $"/leads/{unknown(r)}/win", "Salesperson", null, [], MustFail: true),
            Read($"/customers/{w.Customer}", "Marketing"),
            Read($"/customers/{w.Customer}/personal-data", "Marketing", mustFail: true),
            Read("/invoices?settlement=1", "Accountant", mustFail: true),
            Read("/purchase-orders?status=0", "Warehouse", mustFail: true),
            Read("/kpi/dashboard?bucket=2", "SalesDirector", mustFail: true),
            Read("/kpi/dashboard?from=2026-13-01", "SalesDirector", mustFail: true),
            Read("/stock-levels?underReorderPoint=maybe", "Warehouse", mustFail: true),
            Read("/products?segment=%00", "Warehouse", mustFail: true),
            Read($"/customers/{w.Customer}", "Nobody", mustFail: true),
        ];
    }

    /// <summary>The records that the generated requests name, created through the API.</summary>
    private sealed record World(string Customer, string Lead, string Product, string FollowUp, string Offer, string PurchaseOrder, string PlacedPurchaseOrder, string Order, string ShippedOrder, string Invoice)
    {
        public static async Task<World> CreateAsync(Host host)
        {
            var product = await host.AddProductAsync(inStock: 50);
            var customer = await host.AddCustomerAsync();
            var sales = host.As("Salesperson");
            var warehouse = host.As("Warehouse");
            var lead = await Id(host, await sales.PostAsJsonAsync("/leads", new { firstName = "Nina", lastName = "Moreau", source = "Website", email = "nina.moreau@example.fr" }));
            var followUp = await Id(host, await sales.PostAsJsonAsync($"/customers/{customer}/follow-ups", new { dueAt = "2030-01-10T09:00:00Z", purpose = "Call back" }));
            var offer = await Id(host, await sales.PostAsJsonAsync($"/customers/{customer}/offers", new { items = new[] { new { productId = product, quantity = 1 } }, validUntil = "2030-01-01T00:00:00Z" }));
            var purchase = await Id(host, await warehouse.PostAsJsonAsync("/purchase-orders", new { supplier = "Volt Motors" }));
            var placed = await Id(host, await warehouse.PostAsJsonAsync("/purchase-orders", new { supplier = "Volt Motors" }));
            (await warehouse.PostAsJsonAsync($"/purchase-orders/{placed}/lines", new { productId = product, quantity = 1_000 })).EnsureSuccessStatusCode();
            (await warehouse.PostAsync($"/purchase-orders/{placed}/place", null)).EnsureSuccessStatusCode();
            var order = await OrderAsync(host, customer, product);
            var shipped = await OrderAsync(host, customer, product);
            await host.WaitForStatusAsync(shipped, "Confirmed");
            (await warehouse.PostAsync($"/orders/{shipped}/preparation", null)).EnsureSuccessStatusCode();
            (await warehouse.PostAsync($"/orders/{shipped}/shipment", null)).EnsureSuccessStatusCode();
            var invoiced = await OrderAsync(host, customer, product);
            await host.WaitForStatusAsync(invoiced, "Confirmed");
            (await warehouse.PostAsync($"/orders/{invoiced}/preparation", null)).EnsureSuccessStatusCode();
            (await warehouse.PostAsync($"/orders/{invoiced}/shipment", null)).EnsureSuccessStatusCode();
            var invoice = await Id(host, await host.As("Accountant").PostAsJsonAsync($"/orders/{invoiced}/invoice", new { }));
            return new World(customer, lead, product, followUp, offer, purchase, placed, order, shipped, invoice);
        }

        private static async Task<string> OrderAsync(Host host, string customer, string product) =>
            await Id(host, await host.As("Salesperson").PostAsJsonAsync("/orders", new { customerId = customer, lines = new[] { new { productId = product, quantity = 1 } } }));

        private static async Task<string> Id(Host host, HttpResponseMessage response)
        {
            var body = await host.ReadAsync<JsonElement>(response);
            return body.TryGetProperty("id", out var id) ? id.GetString()! : body.GetProperty("orderId").GetString()!;
        }
    }

    /// <summary>The host on one storage engine, recording every error it logs.</summary>
    public abstract class Host : WebHostFixture
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorRecorder(Errors)));

            // The wrong-key requests all come from the test server's one address: without this it would be locked out.
            builder.UseSetting("EcoDrive:RateLimits:FailedAuthenticationsPerMinute", "1000000");
        }
    }

    private sealed class ErrorRecorder(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
            }
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>The host on its default storage, a new SQLite file.</summary>
public sealed class SqliteHost : HostileInputTests.Host
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ecodrive-hostile-");

    protected override string StorageProvider => "Sqlite";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("EcoDrive:Storage:DatabasePath", Path.Combine(_folder.FullName, "webhost.db"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>The host on PostgreSQL (<c>ECODRIVE_TEST_POSTGRES</c>), in a schema of its own dropped afterwards.</summary>
public sealed class PostgreSqlHost : HostileInputTests.Host
{
    private readonly string _schema = $"hostile_{Guid.NewGuid():N}";

    protected override string StorageProvider => "PostgreSql";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("EcoDrive:Storage:ConnectionString", PostgreSqlFactAttribute.ConnectionString);
        builder.UseSetting("EcoDrive:Storage:Schema", _schema);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgreSqlFactAttribute.ConnectionString is { Length: > 0 } connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

public sealed class SqliteHostileInputTests(SqliteHost host) : HostileInputTests(host), IClassFixture<SqliteHost>
{
    [Fact]
    public Task HostileRequests_AreAllRefusedAsProblems_NoneFailsTheServer_AndEveryListStillReads() => RunAsync();
}

public sealed class PostgreSqlHostileInputTests(PostgreSqlHost host) : HostileInputTests(host), IClassFixture<PostgreSqlHost>
{
    [PostgreSqlFact]
    public Task HostileRequests_AreAllRefusedAsProblems_NoneFailsTheServer_AndEveryListStillReads() => RunAsync();
}
