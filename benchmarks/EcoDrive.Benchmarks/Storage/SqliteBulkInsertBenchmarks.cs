using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EcoDrive.Application.Import;
using EcoDrive.Core;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Erp.Stock;
using EcoDrive.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Benchmarks.Storage;

/// <summary>
/// One imported batch of history (N orders with their customers, order views, invoices and invoice lines) written into
/// an empty SQLite file, in one transaction, as a user of the packages gets it: through the SQLite adapter's public
/// <see cref="IHistoryImportStore"/> (begin, reserve the invoice numbers, write the aggregates, commit), against
/// Microsoft.Data.Sqlite's documented bulk insert of exactly the rows the adapter stored (the baseline: one prepared
/// command per table, parameters created once, only their values set for each row).
/// </summary>
/// <remarks>
/// The baseline's rows are those of a reference import read back from its file, so it inserts values already
/// serialised, while the adapter also turns the aggregates into snapshots and JSON documents: the ratio is an upper
/// bound of what the adapter adds to SQLite's own work. The setup checks that both leave the same rows in every table
/// (count, and a digest of every value with its SQLite type), and throws if they do not.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class SqliteBulkInsertBenchmarks
{
    private static readonly DateTimeOffset HistoryStart = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserId Salesperson = UserId.New();
    private static readonly UserId Warehouse = UserId.New();
    private static readonly UserId Accounting = UserId.New();

    // What the adapter sets on its connections (Durability.Full) and on an import's connection (the page cache).
    private const string PeerPragmas = "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144";

    private Customer[] _customers = [];
    private OrderView[] _views = [];
    private Order[] _orders = [];
    private Invoice[] _invoices = [];
    private ImportedAggregates _batch = null!;
    private (int Year, int Count)[] _invoiceYears = [];
    private ServiceProvider _services = null!;
    private SqliteStorage _storage = null!;
    private IHistoryImportStore _store = null!;
    private string _peerPath = string.Empty;
    private StoredSchema _schema = null!;

    /// <summary>Orders in the batch; each is invoiced and paid, and every ten orders bring one customer.</summary>
    [Params(20_000)]
    public int N { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        BuildBatch();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ecodrive-benchmarks")).FullName;
        var ourPath = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"import-store-{N}.db"));
        _peerPath = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bulk-insert-{N}.db"));

        // The adapter's default options: 4 KiB pages, WAL, Durability.Full (the log synced at commit).
        _services = new ServiceCollection().AddEcoDriveSqliteStorage(ourPath).BuildServiceProvider();
        _storage = _services.GetRequiredService<SqliteStorage>();
        _store = _services.GetRequiredService<IHistoryImportStore>();

        // The reference: the batch imported once through the port; its file gives the schema and the rows of the baseline.
        CreateEmptyEcoDriveFile();
        var before = await StoredSchema.ReadAsync(_storage.DatabasePath);
        var blocks = await ImportAsync();
        if (blocks.Any(b => b.First != 1))
        {
            throw new InvalidOperationException("The reserved invoice numbers do not start at 1 in an empty file, unlike the batch's invoices.");
        }

        _schema = (await StoredSchema.ReadAsync(_storage.DatabasePath)).Since(before);
        CheckDocumentsAreTheSerialisedAggregates();

        // Each way once more, each into its empty file, and the two files compared table by table (all but the schema's
        // journal, which holds the time each file was created).
        CreateEmptyPeerFile();
        MicrosoftDataSqlite();
        var peer = await DigestAsync(_peerPath);
        CreateEmptyEcoDriveFile();
        await EcoDriveImportStore();
        var ours = await DigestAsync(_storage.DatabasePath);
        if (!peer.SequenceEqual(ours))
        {
            throw new InvalidOperationException(
                $"The two inserts stored different rows. Microsoft.Data.Sqlite: {string.Join("; ", peer)}. IHistoryImportStore: {string.Join("; ", ours)}.");
        }

        await using var memory = new SqliteConnection("Data Source=:memory:");
        await memory.OpenAsync();
        Console.WriteLine(
            $"// SQLite {memory.ServerVersion}. Both store: {string.Join(", ", ours.Where(t => t.Rows > 0).Select(t => $"{t.Table} {t.Rows:N0}"))} " +
            $"({_schema.Inserted.Sum(t => t.Rows.Count):N0} rows inserted by the baseline).");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        DeleteFile(_storage.DatabasePath);
        DeleteFile(_peerPath);
    }

    /// <summary>An empty file of the adapter's schema, created by the adapter, before each import: the import is timed, not the file's creation.</summary>
    [IterationSetup(Target = nameof(EcoDriveImportStore))]
    public void CreateEmptyEcoDriveFile()
    {
        DeleteFile(_storage.DatabasePath);
        _storage.EnsureSchemaAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// An empty file with the reference file's page size, journal mode, tables and indexes (as its <c>sqlite_master</c>
    /// gives them) and the rows it held before the import (the schema's journal), before each baseline insert.
    /// </summary>
    [IterationSetup(Target = nameof(MicrosoftDataSqlite))]
    public void CreateEmptyPeerFile()
    {
        DeleteFile(_peerPath);
        using var connection = Open(_peerPath, pooling: false);
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {_schema.PageSize}; PRAGMA journal_mode = WAL"));
        foreach (var statement in _schema.Statements)
        {
            Execute(connection, statement);
        }

        using var transaction = connection.BeginTransaction();
        Insert(connection, _schema.Existing);
        transaction.Commit();
    }

    /// <summary>After each insert, every table holds as many rows as the reference file: no iteration is timed on a failed insert.</summary>
    [IterationCleanup(Target = nameof(EcoDriveImportStore))]
    public void CheckEcoDriveFile() => CheckRowCounts(_storage.DatabasePath);

    /// <inheritdoc cref="CheckEcoDriveFile"/>
    [IterationCleanup(Target = nameof(MicrosoftDataSqlite))]
    public void CheckPeerFile() => CheckRowCounts(_peerPath);

    /// <summary>
    /// Microsoft.Data.Sqlite's documented bulk insert of the reference import's rows, values already in memory: one
    /// transaction; per table, one <c>INSERT</c> with its <c>$p0</c> … parameters created once and prepared; per row, the
    /// values set and <c>ExecuteNonQuery</c>. The connection gets the adapter's settings: <c>synchronous = FULL</c> and a
    /// 256 MiB page cache.
    /// </summary>
    [Benchmark(Baseline = true)]
    public void MicrosoftDataSqlite()
    {
        using var connection = Open(_peerPath, pooling: true);
        Execute(connection, PeerPragmas);
        using var transaction = connection.BeginTransaction();
        Insert(connection, _schema.Inserted);
        transaction.Commit();
    }

    /// <summary>
    /// The adapter's public import port, as <c>HistoryImportService</c> calls it: <see cref="IHistoryImportStore.BeginAsync"/>
    /// (<c>BEGIN IMMEDIATE</c>), one block of invoice numbers reserved per year, the aggregates written (snapshots, JSON
    /// documents, extracted columns, invoice lines), then the commit (which also refreshes the planner's statistics).
    /// </summary>
    [Benchmark]
    public Task EcoDriveImportStore() => ImportAsync();

    /// <summary>
    /// Not an insert: the aggregates' snapshots serialised to the JSON documents the adapter stores (the setup checks they
    /// are byte for byte the stored ones), through the public <see cref="EcoDriveJson.Options"/>: the part of the
    /// adapter's work that the baseline, given values already serialised, does not do. The few extracted columns and the
    /// invoice lines are left out.
    /// </summary>
    [Benchmark]
    public long SerialiseOnly()
    {
        var bytes = 0L;
        foreach (var customer in _customers)
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(customer.ToSnapshot(), EcoDriveJson.Options).Length;
        }

        foreach (var view in _views)
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(view.ToSnapshot(), EcoDriveJson.Options).Length;
        }

        foreach (var order in _orders)
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(order.ToSnapshot(), EcoDriveJson.Options).Length;
        }

        foreach (var invoice in _invoices)
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(invoice.ToSnapshot(), EcoDriveJson.Options).Length;
        }

        return bytes;
    }

    private async Task<List<InvoiceNumberBlock>> ImportAsync()
    {
        var blocks = new List<InvoiceNumberBlock>();
        var transaction = await _store.BeginAsync();
        await using (transaction)
        {
            foreach (var (year, count) in _invoiceYears)
            {
                blocks.Add(await transaction.ReserveInvoiceNumbersAsync(year, count));
            }

            await transaction.WriteAsync(_batch);
            await transaction.CommitAsync();
        }

        return blocks;
    }

    /// <summary>
    /// The batch, through the domain's own operations as the history import replays it: customers with a billing address;
    /// orders of one to three products, confirmed without stock (<see cref="StockAllocation.Recorded"/>), prepared,
    /// shipped, invoiced in time order (numbers gapless per year, from 1, as a block reserved in an empty file gives them)
    /// and paid; the CRM's view of each order.
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

        _customers = new Customer[Math.Max(1, N / 10)];
        for (var i = 0; i < _customers.Length; i++)
        {
            var contact = ContactDetails.Parse(
                string.Create(CultureInfo.InvariantCulture, $"customer.{i}@example.fr"),
                null,
                new PostalAddress(string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(99)} rue de la République"), "69002", "Lyon"));
            _customers[i] = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", contact, HistoryStart.AddDays(-30));
            _customers[i].AssignOwner(Salesperson);
            _customers[i].AddInterest(products[random.Next(products.Length)].Segment);
            _customers[i].TakeDomainEvents();
        }

        _views = new OrderView[N];
        _orders = new Order[N];
        _invoices = new Invoice[N];
        var sequences = new SortedDictionary<int, int>();
        for (var i = 0; i < N; i++)
        {
            var customer = _customers[random.Next(_customers.Length)];
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

            _views[i] = view;
            _orders[i] = order;
            _invoices[i] = invoice;
        }

        _invoiceYears = [.. sequences.Select(s => (s.Key, s.Value))];
        _batch = new ImportedAggregates(_customers, Array.Empty<Lead>(), _views, _orders, _invoices);
    }

    /// <summary>The reference file's documents are the aggregates serialised as <see cref="SerialiseOnly"/> does, row for row in import order.</summary>
    private void CheckDocumentsAreTheSerialisedAggregates()
    {
        Check("customers", _customers.Select(c => JsonSerializer.SerializeToUtf8Bytes(c.ToSnapshot(), EcoDriveJson.Options)));
        Check("order_views", _views.Select(v => JsonSerializer.SerializeToUtf8Bytes(v.ToSnapshot(), EcoDriveJson.Options)));
        Check("orders", _orders.Select(o => JsonSerializer.SerializeToUtf8Bytes(o.ToSnapshot(), EcoDriveJson.Options)));
        Check("invoices", _invoices.Select(i => JsonSerializer.SerializeToUtf8Bytes(i.ToSnapshot(), EcoDriveJson.Options)));

        void Check(string table, IEnumerable<byte[]> serialised)
        {
            var stored = _schema.Inserted.Single(t => t.Name == table);
            var doc = stored.Columns.IndexOf("doc");
            var expected = serialised.ToArray();
            if (expected.Length != stored.Rows.Count
                || !expected.Zip(stored.Rows).All(pair => pair.Second[doc] is string text && Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(pair.First)))
            {
                throw new InvalidOperationException($"The documents stored in {table} are not the aggregates serialised with EcoDriveJson.Options, in import order.");
            }
        }
    }

    private void CheckRowCounts(string path)
    {
        using var connection = Open(path, pooling: false);
        foreach (var table in _schema.Existing.Concat(_schema.Inserted))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table.Name}\"";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != table.Rows.Count)
            {
                throw new InvalidOperationException($"{path}: table {table.Name} does not hold the {table.Rows.Count:N0} rows of the reference import.");
            }
        }
    }

    /// <summary>Inserts rows as Microsoft.Data.Sqlite's documentation has it, in the connection's open transaction.</summary>
    private static void Insert(SqliteConnection connection, IEnumerable<StoredTable> tables)
    {
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
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
                    parameters[i].Value = row[i];
                }

                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>
    /// Each table of a file but SQLite's own and those filled before the import: its row count and a digest of every
    /// value with its SQLite type, the rows sorted by every column.
    /// </summary>
    private async Task<List<(string Table, long Rows, string Digest)>> DigestAsync(string path)
    {
        await using var connection = Open(path, pooling: false);
        var tables = new List<(string, long, string)>();
        foreach (var (table, columns) in await StoredSchema.TablesAsync(connection))
        {
            if (_schema.Existing.Any(t => t.Name == table))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\"), \"{c}\""))} FROM \"{table}\" ORDER BY {string.Join(", ", columns.Select(c => $"\"{c}\""))}";
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

            tables.Add((table, rows, Convert.ToHexString(digest.GetHashAndReset())));
        }

        return tables;
    }

    private static SqliteConnection Open(string path, bool pooling)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteFile(string path)
    {
        // Pooled connections keep the file open: close them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>A table's rows as read back from a file, values as Microsoft.Data.Sqlite returns them (long, double, string, byte[], DBNull).</summary>
    private sealed record StoredTable(string Name, List<string> Columns, List<object[]> Rows);

    /// <summary>
    /// What a file holds: its page size, the statements that create its tables then its indexes (as <c>sqlite_master</c>
    /// gives them), the rows it held before the import (<see cref="Existing"/>) and those the import added (<see cref="Inserted"/>).
    /// </summary>
    private sealed record StoredSchema(long PageSize, List<string> Statements, List<StoredTable> Existing, List<StoredTable> Inserted)
    {
        /// <summary>Reads every table of a file but SQLite's own, rowid tables in rowid order (the order of the inserts).</summary>
        public static async Task<StoredSchema> ReadAsync(string path)
        {
            await using var connection = Open(path, pooling: false);
            await using var pageSize = connection.CreateCommand();
            pageSize.CommandText = "PRAGMA page_size";
            var size = Convert.ToInt64(await pageSize.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

            var statements = new List<string>();
            await using (var master = connection.CreateCommand())
            {
                // Tables first, then what depends on them; sqlite_autoindex_* (primary keys, UNIQUE) come with their table.
                master.CommandText =
                    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' " +
                    "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid";
                await using var reader = await master.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    statements.Add(reader.GetString(0));
                }
            }

            var tables = new List<StoredTable>();
            foreach (var (table, columns) in await TablesAsync(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = await RowOrderAsync(connection, table, columns);
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<object[]>();
                while (await reader.ReadAsync())
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(row);
                }

                tables.Add(new StoredTable(table, columns, rows));
            }

            return new StoredSchema(size, statements, tables, []);
        }

        /// <summary>The tables of a file but SQLite's own, with their columns in order.</summary>
        public static async Task<List<(string Table, List<string> Columns)>> TablesAsync(SqliteConnection connection)
        {
            var tables = new List<(string, List<string>)>();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT m.name, c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c " +
                "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.rowid, c.cid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (table, column) = (reader.GetString(0), reader.GetString(1));
                if (tables.Count == 0 || tables[^1].Item1 != table)
                {
                    tables.Add((table, []));
                }

                tables[^1].Item2.Add(column);
            }

            return tables;
        }

        /// <summary>
        /// The file after the import, split against the same file before it: the tables whose rows were already there
        /// (they must be unchanged) and those the import filled (they must have been empty).
        /// </summary>
        public StoredSchema Since(StoredSchema before)
        {
            var existing = new List<StoredTable>();
            var inserted = new List<StoredTable>();
            foreach (var table in Existing)
            {
                var earlier = before.Existing.Single(t => t.Name == table.Name);
                if (earlier.Rows.Count == 0)
                {
                    if (table.Rows.Count > 0)
                    {
                        inserted.Add(table);
                    }
                }
                else if (earlier.Rows.Count == table.Rows.Count)
                {
                    existing.Add(table);
                }
                else
                {
                    throw new InvalidOperationException($"The import changed table {table.Name}, which was not empty before it.");
                }
            }

            return this with { Existing = existing, Inserted = inserted };
        }

        /// <summary>
        /// A rowid table in rowid order. A <c>WITHOUT ROWID</c> table keeps no insertion order: one that references
        /// another table (invoice lines) is read in the order of the rows it references, the order the import writes
        /// them in, each owner's lines after it; any other in its key order.
        /// </summary>
        private static async Task<string> RowOrderAsync(SqliteConnection connection, string table, List<string> columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT wr FROM pragma_table_list WHERE name = $table";
            command.Parameters.AddWithValue("$table", table);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
            {
                return $"SELECT * FROM \"{table}\" ORDER BY rowid";
            }

            command.CommandText = "SELECT name FROM pragma_table_info($table) WHERE pk > 0 ORDER BY pk";
            var key = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    key.Add($"c.\"{reader.GetString(0)}\"");
                }
            }

            command.CommandText = "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list($table) LIMIT 1";
            await using (var reader = await command.ExecuteReaderAsync())
            {
                if (await reader.ReadAsync())
                {
                    return $"SELECT {string.Join(", ", columns.Select(c => $"c.\"{c}\""))} FROM \"{table}\" AS c JOIN \"{reader.GetString(0)}\" AS o " +
                        $"ON o.\"{reader.GetString(2)}\" = c.\"{reader.GetString(1)}\" ORDER BY o.rowid, {string.Join(", ", key)}";
                }
            }

            return $"SELECT * FROM \"{table}\" AS c ORDER BY {string.Join(", ", key)}";
        }
    }
}
