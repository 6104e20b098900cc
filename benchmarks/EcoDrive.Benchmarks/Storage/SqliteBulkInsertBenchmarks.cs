using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Storage.Sql;
using EcoDrive.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Benchmarks.Storage;

/// <summary>
/// One imported batch of history (N orders with their customers, order views, invoices and invoice lines) inserted
/// into an empty SQLite file of the adapter's schema, in one transaction: through Microsoft.Data.Sqlite as its
/// documentation's bulk-insert pattern has it (the baseline: one prepared command per table, named parameters created
/// once, only their values set for each row), against the adapter's own path, <see cref="SqlBulkWriter"/> with
/// <c>SqliteBulkInserter</c> (SQLite's statement API, values bound by position). Both enumerate the same
/// <see cref="SqlBulkRows"/>, so both serialise the same JSON documents and store the same values; the setup checks
/// that both leave the same rows, and throws if they do not.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class SqliteBulkInsertBenchmarks
{
    private static readonly DateTimeOffset HistoryStart = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserId Salesperson = UserId.New();
    private static readonly UserId Warehouse = UserId.New();
    private static readonly UserId Accounting = UserId.New();

    private (CustomerId, CustomerSnapshot)[] _customers = [];
    private (OrderId, OrderViewSnapshot)[] _views = [];
    private (OrderId, OrderSnapshot)[] _orders = [];
    private (InvoiceId, InvoiceSnapshot)[] _invoices = [];
    private ServiceProvider _services = null!;
    private SqlStorageEngine _engine = null!;
    private SqliteStorage _storage = null!;
    private string _path = string.Empty;

    /// <summary>Orders in the batch; each is invoiced and paid, and every ten orders bring one customer.</summary>
    [Params(20_000)]
    public int N { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        BuildBatch();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ecodrive-benchmarks")).FullName;
        _path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bulk-insert-{N}.db"));

        // The adapter's default options: 4 KiB pages, Durability.Full (the log synced at commit).
        _services = new ServiceCollection().AddEcoDriveSqliteStorage(_path).BuildServiceProvider();
        _engine = _services.GetRequiredService<SqlStorageEngine>();
        _storage = _services.GetRequiredService<SqliteStorage>();

        CreateEmptyDatabase();
        MicrosoftDataSqlite();
        var peer = await StoredRowsAsync();
        CreateEmptyDatabase();
        await EcoDriveBulkInserter();
        var ours = await StoredRowsAsync();
        if (!peer.SequenceEqual(ours))
        {
            throw new InvalidOperationException(
                $"The two inserts stored different rows. Microsoft.Data.Sqlite: {string.Join("; ", peer)}. SqliteBulkInserter: {string.Join("; ", ours)}.");
        }

        await using var memory = new SqliteConnection("Data Source=:memory:");
        await memory.OpenAsync();
        Console.WriteLine($"// SQLite {memory.ServerVersion}. Both inserts store: {string.Join(", ", ours.Select(t => $"{t.Table} {t.Rows:N0}"))}.");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        DeleteDatabase();
    }

    /// <summary>An empty database of the adapter's schema for each invocation: the insert is timed, not the file's creation.</summary>
    [IterationSetup(Targets = [nameof(MicrosoftDataSqlite), nameof(EcoDriveBulkInserter)])]
    public void CreateEmptyDatabase()
    {
        DeleteDatabase();
        _storage.EnsureSchemaAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Microsoft.Data.Sqlite's documented bulk insert: one transaction; per table, one command with its <c>$p0</c> …
    /// parameters created once and prepared; per row, the values set (as <see cref="SqliteDialect.ToStored"/> converts
    /// them, what the adapter's repositories bind) and <c>ExecuteNonQuery</c>.
    /// </summary>
    [Benchmark(Baseline = true)]
    public void MicrosoftDataSqlite()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path }.ToString());
        connection.Open();
        using (var durability = connection.CreateCommand())
        {
            // What the adapter sets on its connections for Durability.Full.
            durability.CommandText = "PRAGMA synchronous = FULL";
            durability.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        foreach (var table in Tables())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = new SqliteParameter[table.Columns.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = string.Create(CultureInfo.InvariantCulture, $"$p{i}");
                command.Parameters.Add(parameters[i]);
            }

            command.Prepare();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = SqliteDialect.ToStored(row[i]) ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// The adapter's import path: a session's write transaction (<c>BEGIN IMMEDIATE</c>), <see cref="SqlBulkWriter"/>
    /// enumerating the rows on one thread while <c>SqliteBulkInserter</c> inserts the previous chunk, then the commit.
    /// </summary>
    [Benchmark]
    public async Task EcoDriveBulkInserter()
    {
        var session = _engine.OpenSession();
        await using (session)
        {
            await session.BeginWriteAsync(CancellationToken.None);
            await SqlBulkWriter.WriteAsync(session, Tables(), CancellationToken.None);
            await session.CommitAsync();
        }
    }

    /// <summary>
    /// Not an insert: the rows alone, enumerated as both inserts enumerate them (the JSON documents serialised, the
    /// columns extracted), to tell what the database's side costs.
    /// </summary>
    [Benchmark]
    public long RowsOnly()
    {
        var values = 0L;
        foreach (var table in Tables())
        {
            foreach (var row in table.Rows)
            {
                values += row.Length;
            }
        }

        return values;
    }

    /// <summary>The tables of the batch, in the order an import writes them; their rows are serialised as they are enumerated.</summary>
    private SqlBulkRows[] Tables() =>
    [
        SqlTables.Customers.BulkRows(_customers),
        SqlTables.OrderViews.BulkRows(_views),
        SqlTables.Orders.BulkRows(_orders),
        SqlTables.Invoices.BulkRows(_invoices),
        SqlTables.Invoices.BulkChildRows(_invoices)!,
    ];

    /// <summary>
    /// The batch, through the domain's own operations as the history import replays it: customers with a billing address;
    /// orders of one to three products, confirmed without stock (<see cref="StockAllocation.Recorded"/>), prepared,
    /// shipped, invoiced in time order (numbers gapless per year) and paid; the CRM's view of each order.
    /// </summary>
    private void BuildBatch()
    {
        var random = new Random(7);
        var options = new InvoicingOptions();
        Product[] products =
        [
            Product.Create(ProductId.New(), "Volt X5 SUV", ProductSegment.Suv, Money.Euros(42_000m), VatRate.FrenchStandard),
            Product.Create(ProductId.New(), "Urbo city car", ProductSegment.CityCar, Money.Euros(21_500m), VatRate.FrenchStandard),
            Product.Create(ProductId.New(), "Cargo E-Van", ProductSegment.Utility, Money.Euros(35_900m), VatRate.FrenchStandard),
        ];
        var catalogue = products.ToDictionary(p => p.Id);

        var customers = new Customer[Math.Max(1, N / 10)];
        for (var i = 0; i < customers.Length; i++)
        {
            var contact = ContactDetails.Parse(
                string.Create(CultureInfo.InvariantCulture, $"customer.{i}@example.fr"),
                null,
                new PostalAddress(string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(99)} rue de la République"), "69002", "Lyon"));
            customers[i] = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", contact, HistoryStart.AddDays(-30));
            customers[i].AssignOwner(Salesperson);
            customers[i].AddInterest(products[random.Next(products.Length)].Segment);
        }

        _views = new (OrderId, OrderViewSnapshot)[N];
        _orders = new (OrderId, OrderSnapshot)[N];
        _invoices = new (InvoiceId, InvoiceSnapshot)[N];
        var sequences = new Dictionary<int, long>();
        for (var i = 0; i < N; i++)
        {
            var customer = customers[random.Next(customers.Length)];
            var submitted = HistoryStart + (TimeSpan.FromDays(330) * i / N);
            var lines = products.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(p => new OrderLine(p.Id, 1 + random.Next(2), p.ListPrice, p.VatRate)).ToArray();
            var order = Order.Submit(OrderId.New(), customer.Id, Salesperson, lines, submitted);
            order.Confirm(StockAllocation.Recorded(order.Id), null, submitted.AddMinutes(5));
            order.StartPreparation(Warehouse, submitted.AddHours(2));
            order.Ship(Warehouse, submitted.AddDays(1));

            var issuedAt = submitted.AddDays(2);
            var year = options.DateOf(issuedAt).Year;
            var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var invoice = Invoice.Issue(InvoiceId.New(), new InvoiceNumber(InvoiceSeries.Invoice, year, sequence), order, customer, catalogue, options, issuedAt);
            order.MarkInvoiced(invoice.Id, Accounting, issuedAt);
            var paidAt = issuedAt.AddDays(20 + random.Next(20));
            invoice.RecordPayment(invoice.AmountDue, paidAt);
            order.MarkPaid(invoice.AmountDue, Accounting, paidAt);
            order.TakeDomainEvents();
            invoice.TakeDomainEvents();

            var view = OrderView.Record(order.Id, order.CustomerId, order.SalespersonId, order.Lines, order.SubmittedAt);
            for (var change = 1; change < order.History.Count; change++)
            {
                view.Apply(order.History[change]);
            }

            _views[i] = (view.Id, view.ToSnapshot());
            _orders[i] = (order.Id, order.ToSnapshot());
            _invoices[i] = (invoice.Id, invoice.ToSnapshot());
        }

        _customers = [.. customers.Select(c => (c.Id, c.ToSnapshot()))];
    }

    private void DeleteDatabase()
    {
        // Pooled connections keep the file open: close them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    /// <summary>Each table of the batch: its row count and a digest of every stored value with its SQLite type, in key order.</summary>
    private async Task<List<(string Table, long Rows, string Digest)>> StoredRowsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<(string, long, string)>();
        foreach (var table in Tables())
        {
            await using var command = connection.CreateCommand();

            // The first two columns order the rows: (id, version), or (owner_id, line_no) for lines.
            command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => $"typeof({c}), {c}"))} FROM {table.Table} ORDER BY 2, 4";
            await using var reader = await command.ExecuteReaderAsync();
            using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0L;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i) switch
                    {
                        DBNull => "null",
                        byte[] bytes => Convert.ToHexString(bytes),
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                    };
                    digest.AppendData(Encoding.UTF8.GetBytes(value + "\u001f"));
                }
            }

            tables.Add((table.Table, rows, Convert.ToHexString(digest.GetHashAndReset())));
        }

        return tables;
    }
}
