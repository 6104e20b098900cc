using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using EcoDrive.Kpi;
using EcoDrive.Storage.PostgreSql;
using EcoDrive.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace EcoDrive.Benchmarks.Kpi;

/// <summary>
/// The KPI data set of <see cref="KpiDataSet"/> in an EcoDrive database (the adapters' real schema, indexes included),
/// on SQLite (a file under the temp folder) or PostgreSQL (a schema per size on the server named by
/// <c>ECODRIVE_TEST_POSTGRES</c>). Rows are loaded straight into the tables the adapters write, in time order, with an
/// empty document (<c>{}</c>): the KPI queries read only the extracted, indexed columns. Revenue lines get one invoice
/// each (credit-note lines one credit note each), numbered per year, so every foreign key holds. A loaded database is
/// kept and reused by later runs; the load prints its time.
/// </summary>
internal static class SqlKpiStore
{
    public const string Sqlite = "SQLite";
    public const string PostgreSql = "PostgreSQL";
    public const string PostgresVariable = "ECODRIVE_TEST_POSTGRES";

    /// <summary>The engines to run: SQLite always, PostgreSQL when its connection string is set.</summary>
    public static IEnumerable<string> Engines =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } ? [Sqlite, PostgreSql] : [Sqlite];

    /// <summary>The services of EcoDrive storage over the loaded database of <paramref name="data"/>.</summary>
    public static async Task<ServiceProvider> OpenAsync(string engine, KpiDataSet data)
    {
        var services = new ServiceCollection();
        ServiceProvider provider;
        if (engine == Sqlite)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ecodrive-benchmarks")).FullName;
            var path = Path.Combine(folder, $"kpi-{data.N}.db");
            var loaded = path + ".loaded";
            if (!File.Exists(loaded))
            {
                File.Delete(path);
            }

            provider = services.AddEcoDriveSqliteStorage(options => options.DatabasePath = path).BuildServiceProvider();
            await provider.GetRequiredService<SqliteStorage>().EnsureSchemaAsync();
            if (!File.Exists(loaded))
            {
                SqliteConnection.ClearAllPools();
                await TimedAsync(engine, data, () => LoadSqliteAsync(path, data));
                await File.WriteAllTextAsync(loaded, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));

                // What an application's next start does: the schema step refreshes the planner's statistics.
                await provider.GetRequiredService<SqliteStorage>().EnsureSchemaAsync();
            }
        }
        else
        {
            var connectionString = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"Set {PostgresVariable} to run the PostgreSQL cases.");
            var schema = $"ecodrive_bench_kpi_{data.N}";
            provider = services.AddEcoDrivePostgreSqlStorage(options =>
            {
                options.ConnectionString = connectionString;
                options.Schema = schema;
            }).BuildServiceProvider();
            await provider.GetRequiredService<PostgreSqlStorage>().EnsureSchemaAsync();
            var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { SearchPath = schema, CommandTimeout = 0 } }.Build();
            await using (dataSource)
            {
                if (!await IsLoadedAsync(dataSource, data.N))
                {
                    await TimedAsync(engine, data, () => LoadPostgreSqlAsync(dataSource, data));
                }
            }
        }

        return provider;
    }

    private static async Task TimedAsync(string engine, KpiDataSet data, Func<Task> load)
    {
        Console.WriteLine($"// Loading {data.N:N0} orders, leads and revenue lines into {engine}…");
        var stopwatch = Stopwatch.StartNew();
        await load();
        Console.WriteLine($"// Loaded in {stopwatch.Elapsed.TotalSeconds:F0} s.");
    }

    private static async Task LoadSqliteAsync(string path, KpiDataSet data)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        Console.WriteLine($"// SQLite {connection.ServerVersion}");
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await InsertAsync(connection, "order_views (id, version, doc, submitted_at, status, customer_id, salesperson_id)", 7, data.N, (i, p) =>
        {
            p[0] = OrderId(i).ToString();
            p[1] = 1L;
            p[2] = "{}";
            p[3] = Micros(data.OrderTicks[i]);
            p[4] = StatusCode(data.OrderStatus[i]);
            p[5] = CustomerId(i).ToString();
            p[6] = Salesperson(data, i).ToString();
        });
        await InsertAsync(connection, "leads (id, version, doc, created_at, stage, won_at, lost_at, source, owner_id, campaign_id)", 10, data.N, (i, p) =>
        {
            p[0] = LeadId(i).ToString();
            p[1] = 1L;
            p[2] = "{}";
            p[3] = Micros(data.LeadCreated[i]);
            p[4] = Stage(data, i);
            p[5] = data.LeadWon[i] == KpiDataSet.Never ? null : Micros(data.LeadWon[i]);
            p[6] = data.LeadLost[i] == KpiDataSet.Never ? null : Micros(data.LeadLost[i]);
            p[7] = KpiDataSet.Sources[data.LeadSource[i]];
            p[8] = data.OwnerIds[data.LeadOwner[i]]?.Value.ToString();
            p[9] = data.CampaignIds[data.LeadCampaign[i]]?.Value.ToString();
        });
        var numbers = Numbers(data);
        await InsertAsync(connection, "invoices (id, version, doc, order_id, series, year, sequence, issued_at, due_date)", 9, data.N, (i, p) =>
        {
            var credit = data.RevenueMinor[i] < 0;
            p[0] = credit ? null : DocumentId(i).ToString();
            p[1] = 1L;
            p[2] = "{}";
            p[3] = OrderId(i).ToString();
            p[4] = "FA";
            p[5] = (long)Year(data.RevenueTicks[i]);
            p[6] = numbers[i];
            p[7] = Micros(data.RevenueTicks[i]);
            p[8] = DateOnly.FromDateTime(KpiDataSet.At(data.RevenueTicks[i]).UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }, skipWhenFirstIsNull: true);
        await InsertAsync(connection, "invoice_lines (owner_id, line_no, issued_at, segment, currency, net_e4)", 6, data.N, (i, p) =>
        {
            p[0] = data.RevenueMinor[i] < 0 ? null : DocumentId(i).ToString();
            p[1] = 0L;
            p[2] = Micros(data.RevenueTicks[i]);
            p[3] = KpiDataSet.Segments[data.RevenueSegment[i]].Code;
            p[4] = "EUR";
            p[5] = data.RevenueMinor[i] * 100;
        }, skipWhenFirstIsNull: true);
        await InsertAsync(connection, "credit_notes (id, version, doc, invoice_id, series, year, sequence, issued_at)", 8, data.N, (i, p) =>
        {
            p[0] = data.RevenueMinor[i] < 0 ? DocumentId(i).ToString() : null;
            p[1] = 1L;
            p[2] = "{}";
            p[3] = DocumentId(i - 1).ToString();
            p[4] = "AV";
            p[5] = (long)Year(data.RevenueTicks[i]);
            p[6] = numbers[i];
            p[7] = Micros(data.RevenueTicks[i]);
        }, skipWhenFirstIsNull: true);
        await InsertAsync(connection, "credit_note_lines (owner_id, line_no, issued_at, segment, currency, net_e4)", 6, data.N, (i, p) =>
        {
            p[0] = data.RevenueMinor[i] < 0 ? DocumentId(i).ToString() : null;
            p[1] = 0L;
            p[2] = Micros(data.RevenueTicks[i]);
            p[3] = KpiDataSet.Segments[data.RevenueSegment[i]].Code;
            p[4] = "EUR";
            p[5] = -data.RevenueMinor[i] * 100;
        }, skipWhenFirstIsNull: true);
        await transaction.CommitAsync();
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static async Task InsertAsync(SqliteConnection connection, string into, int columns, int n, Action<int, object?[]> row, bool skipWhenFirstIsNull = false)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {into} VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(c => "$p" + c))})";
        var parameters = Enumerable.Range(0, columns).Select(c => command.Parameters.Add(new SqliteParameter("$p" + c, null))).ToArray();
        command.Prepare();
        var values = new object?[columns];
        for (var i = 0; i < n; i++)
        {
            row(i, values);
            if (skipWhenFirstIsNull && values[0] is null)
            {
                continue;
            }

            for (var c = 0; c < columns; c++)
            {
                parameters[c].Value = values[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<bool> IsLoadedAsync(NpgsqlDataSource dataSource, int n)
    {
        await using var command = dataSource.CreateCommand("SELECT (SELECT count(*) FROM order_views) + (SELECT count(*) FROM leads) + (SELECT count(*) FROM invoice_lines) + (SELECT count(*) FROM credit_note_lines)");
        return (long)(await command.ExecuteScalarAsync())! == 3L * n;
    }

    private static async Task LoadPostgreSqlAsync(NpgsqlDataSource dataSource, KpiDataSet data)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "TRUNCATE order_views, leads, invoices, invoice_lines, credit_notes, credit_note_lines");
        var numbers = Numbers(data);
        await CopyAsync(connection, "order_views (id, version, doc, submitted_at, status, customer_id, salesperson_id)", data.N, async (i, w) =>
        {
            await w.WriteAsync(OrderId(i), NpgsqlDbType.Uuid);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint);
            await w.WriteAsync("{}", NpgsqlDbType.Jsonb);
            await w.WriteAsync(KpiDataSet.At(data.OrderTicks[i]), NpgsqlDbType.TimestampTz);
            await w.WriteAsync(StatusCode(data.OrderStatus[i]), NpgsqlDbType.Text);
            await w.WriteAsync(CustomerId(i), NpgsqlDbType.Uuid);
            await w.WriteAsync(Salesperson(data, i), NpgsqlDbType.Uuid);
            return true;
        });
        await CopyAsync(connection, "leads (id, version, doc, created_at, stage, won_at, lost_at, source, owner_id, campaign_id)", data.N, async (i, w) =>
        {
            await w.WriteAsync(LeadId(i), NpgsqlDbType.Uuid);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint);
            await w.WriteAsync("{}", NpgsqlDbType.Jsonb);
            await w.WriteAsync(KpiDataSet.At(data.LeadCreated[i]), NpgsqlDbType.TimestampTz);
            await w.WriteAsync(Stage(data, i), NpgsqlDbType.Text);
            await WriteNullableAsync(w, data.LeadWon[i] == KpiDataSet.Never ? (DateTimeOffset?)null : KpiDataSet.At(data.LeadWon[i]));
            await WriteNullableAsync(w, data.LeadLost[i] == KpiDataSet.Never ? (DateTimeOffset?)null : KpiDataSet.At(data.LeadLost[i]));
            await w.WriteAsync(KpiDataSet.Sources[data.LeadSource[i]], NpgsqlDbType.Text);
            await WriteNullableAsync(w, data.OwnerIds[data.LeadOwner[i]]?.Value);
            await WriteNullableAsync(w, data.CampaignIds[data.LeadCampaign[i]]?.Value);
            return true;
        });
        await CopyAsync(connection, "invoices (id, version, doc, order_id, series, year, sequence, issued_at, due_date)", data.N, async (i, w) =>
        {
            if (data.RevenueMinor[i] < 0)
            {
                return false;
            }

            await w.StartRowAsync();
            await w.WriteAsync(DocumentId(i), NpgsqlDbType.Uuid);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint);
            await w.WriteAsync("{}", NpgsqlDbType.Jsonb);
            await w.WriteAsync(OrderId(i), NpgsqlDbType.Uuid);
            await w.WriteAsync("FA", NpgsqlDbType.Text);
            await w.WriteAsync(Year(data.RevenueTicks[i]), NpgsqlDbType.Integer);
            await w.WriteAsync(numbers[i], NpgsqlDbType.Bigint);
            await w.WriteAsync(KpiDataSet.At(data.RevenueTicks[i]), NpgsqlDbType.TimestampTz);
            await w.WriteAsync(DateOnly.FromDateTime(KpiDataSet.At(data.RevenueTicks[i]).UtcDateTime.AddDays(30)), NpgsqlDbType.Date);
            return true;
        }, startsRows: true);
        await CopyAsync(connection, "invoice_lines (owner_id, line_no, issued_at, segment, currency, net_e4)", data.N, async (i, w) =>
        {
            if (data.RevenueMinor[i] < 0)
            {
                return false;
            }

            await w.StartRowAsync();
            await WriteLineAsync(w, data, i, data.RevenueMinor[i] * 100);
            return true;
        }, startsRows: true);
        await CopyAsync(connection, "credit_notes (id, version, doc, invoice_id, series, year, sequence, issued_at)", data.N, async (i, w) =>
        {
            if (data.RevenueMinor[i] >= 0)
            {
                return false;
            }

            await w.StartRowAsync();
            await w.WriteAsync(DocumentId(i), NpgsqlDbType.Uuid);
            await w.WriteAsync(1L, NpgsqlDbType.Bigint);
            await w.WriteAsync("{}", NpgsqlDbType.Jsonb);
            await w.WriteAsync(DocumentId(i - 1), NpgsqlDbType.Uuid);
            await w.WriteAsync("AV", NpgsqlDbType.Text);
            await w.WriteAsync(Year(data.RevenueTicks[i]), NpgsqlDbType.Integer);
            await w.WriteAsync(numbers[i], NpgsqlDbType.Bigint);
            await w.WriteAsync(KpiDataSet.At(data.RevenueTicks[i]), NpgsqlDbType.TimestampTz);
            return true;
        }, startsRows: true);
        await CopyAsync(connection, "credit_note_lines (owner_id, line_no, issued_at, segment, currency, net_e4)", data.N, async (i, w) =>
        {
            if (data.RevenueMinor[i] >= 0)
            {
                return false;
            }

            await w.StartRowAsync();
            await WriteLineAsync(w, data, i, -data.RevenueMinor[i] * 100);
            return true;
        }, startsRows: true);

        // Index-only scans need the visibility map; the planner needs statistics.
        await ExecuteAsync(connection, "VACUUM (ANALYZE) order_views, leads, invoices, invoice_lines, credit_notes, credit_note_lines");
    }

    private static async Task WriteLineAsync(NpgsqlBinaryImporter w, KpiDataSet data, int i, long netE4)
    {
        await w.WriteAsync(DocumentId(i), NpgsqlDbType.Uuid);
        await w.WriteAsync(0, NpgsqlDbType.Integer);
        await w.WriteAsync(KpiDataSet.At(data.RevenueTicks[i]), NpgsqlDbType.TimestampTz);
        await w.WriteAsync(KpiDataSet.Segments[data.RevenueSegment[i]].Code, NpgsqlDbType.Text);
        await w.WriteAsync("EUR", NpgsqlDbType.Text);
        await w.WriteAsync(netE4, NpgsqlDbType.Bigint);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string into, int n, Func<int, NpgsqlBinaryImporter, Task<bool>> row, bool startsRows = false)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {into} FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < n; i++)
        {
            if (!startsRows)
            {
                await writer.StartRowAsync();
            }

            await row(i, writer);
        }

        await writer.CompleteAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value)
        where T : struct =>
        value is { } present ? writer.WriteAsync(present) : writer.WriteNullAsync();

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Invoice and credit-note numbers: gapless per series (invoice lines, credit-note lines) and year, in time order.</summary>
    private static long[] Numbers(KpiDataSet data)
    {
        var numbers = new long[data.N];
        var last = new Dictionary<(bool Credit, int Year), long>();
        for (var i = 0; i < data.N; i++)
        {
            var key = (data.RevenueMinor[i] < 0, Year(data.RevenueTicks[i]));
            numbers[i] = last[key] = last.GetValueOrDefault(key) + 1;
        }

        return numbers;
    }

    private static int Year(long ticks) => new DateTime(ticks, DateTimeKind.Utc).Year;

    private static long Micros(long ticks) => (ticks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static string StatusCode(byte status) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(((Core.OrderStatus)status).ToString());

    private static string Stage(KpiDataSet data, int i) =>
        data.LeadWon[i] != KpiDataSet.Never ? "won" : data.LeadLost[i] != KpiDataSet.Never ? "lost" : "new";

    private static Guid Salesperson(KpiDataSet data, int i) => data.OwnerIds[1 + (i % KpiDataSet.Salespeople)]!.Value.Value;

    // Ids that sort in row order, so that inserting rows in time order appends to every primary-key index.
    private static Guid OrderId(int i) => new(i + 1, 2, 0, new byte[8]);

    private static Guid CustomerId(int i) => new(i % 100_000, 4, 0, new byte[8]);

    private static Guid LeadId(int i) => new(i + 1, 3, 0, new byte[8]);

    private static Guid DocumentId(int i) => new(i + 1, 5, 0, new byte[8]);
}
