using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Erp.Catalogue;
using EcoDrive.Erp.Invoices;
using EcoDrive.Erp.Orders;
using EcoDrive.Application;
using EcoDrive.Application.Import;
using EcoDrive.Storage.Sql;
using EcoDrive.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.Sqlite.Tests;

/// <summary>
/// An import's rows go through SQLite's statement API, not through Microsoft.Data.Sqlite's parameters: they must be
/// stored exactly as the repositories' statements store them (same text, same numbers, same column types), or
/// lookups, KPI queries and later updates would miss them.
/// </summary>
public sealed class SqliteBulkImportTests : StorageContract
{
    private static readonly User Admin = new(UserId.New(), "Alex", Role.Administrator);
    private static readonly DateTimeOffset Past = TestData.Start.AddDays(-40);

    protected override void ConfigureServices(IServiceCollection services) => services.AddEcoDrive();

    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) => SqliteTestDatabase.BuildAsync(services);

    [Fact]
    public async Task Import_StoresEveryColumnAsTheRepositoriesWould()
    {
        var suv = TestData.Product(ProductSegment.Suv);
        await AddAsync(scope => Get<IProductCatalogue>(scope).Add(suv));
        var camille = TestData.Customer(phone: "+33 6 12 34 56 78", createdAt: Past);
        var won = TestData.Lead(Past, LeadChannel.Showroom, TestData.Salesperson);
        won.Contact(TestData.Salesperson, Past.AddHours(1));
        won.Qualify(TestData.Salesperson, Past.AddHours(2));
        won.Win(camille.Id, TestData.Salesperson, Past.AddHours(3));
        var lost = TestData.Lead(Past, LeadChannel.Website);
        lost.Lose("price", TestData.Salesperson, Past.AddDays(1));
        var paid = new ImportedOrder(
            OrderId.New(), camille.Id, TestData.Salesperson, [TestData.Line(suv, 2)], Past,
            [
                new(OrderStatus.Confirmed, Past.AddMinutes(5)),
                new(OrderStatus.InPreparation, Past.AddHours(2), TestData.Warehouse),
                new(OrderStatus.Shipped, Past.AddHours(20), TestData.Warehouse),
                new(OrderStatus.Invoiced, Past.AddDays(1)),
                new(OrderStatus.Paid, Past.AddDays(11)),
            ]);
        var rejected = new ImportedOrder(
            OrderId.New(), camille.Id, TestData.Salesperson, [TestData.Line(suv)], Past.AddDays(2), [new(OrderStatus.Rejected, Past.AddDays(2).AddHours(1), null, "not eligible")]);

        await Services.GetRequiredService<HistoryImportService>().ImportAsync(Admin, new HistoryBatch([camille], [won, lost], [paid, rejected]));

        var customer = (await ReadAsync(s => Get<ICustomerRepository>(s).FindAsync(camille.Id)))!;
        await AssertStoredAsRepositoriesWouldAsync(SqlTables.Customers.BulkRows([(customer.Id, customer.ToSnapshot())]));
        foreach (var id in new[] { won.Id, lost.Id })
        {
            var lead = (await ReadAsync(s => Get<ILeadRepository>(s).FindAsync(id)))!;
            await AssertStoredAsRepositoriesWouldAsync(SqlTables.Leads.BulkRows([(lead.Id, lead.ToSnapshot())]));
        }

        foreach (var id in new[] { paid.Id, rejected.Id })
        {
            var order = (await ReadAsync(s => Get<IOrderRepository>(s).FindAsync(id)))!;
            var view = (await ReadAsync(s => Get<IOrderViewRepository>(s).FindAsync(id)))!;
            await AssertStoredAsRepositoriesWouldAsync(SqlTables.Orders.BulkRows([(order.Id, order.ToSnapshot())]));
            await AssertStoredAsRepositoriesWouldAsync(SqlTables.OrderViews.BulkRows([(view.Id, view.ToSnapshot())]));
        }

        var invoice = Assert.Single(await ReadAsync(s => Get<IInvoiceRepository>(s).ListAsync()));
        (InvoiceId, InvoiceSnapshot)[] invoices = [(invoice.Id, invoice.ToSnapshot())];
        await AssertStoredAsRepositoriesWouldAsync(SqlTables.Invoices.BulkRows(invoices));
        await AssertStoredAsRepositoriesWouldAsync(SqlTables.Invoices.BulkChildRows(invoices)!);
    }

    /// <summary>Each expected row, as <see cref="SqliteDialect.Bind"/> would store its values, equals the stored row, value and type.</summary>
    private async Task AssertStoredAsRepositoriesWouldAsync(SqlBulkRows expected)
    {
        await using var connection = new SqliteConnection($"Data Source={Services.GetRequiredService<SqliteTestDatabase>().Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var row in expected.Rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", expected.Columns)} FROM {expected.Table} WHERE {expected.Columns[0]} = $key" +
                                  (expected.Columns[1] == "line_no" ? " AND line_no = $line" : string.Empty);
            command.Parameters.AddWithValue("$key", SqliteDialect.ToStored(row[0]));
            command.Parameters.AddWithValue("$line", row[1]);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"{expected.Table} has no row {row[0]}");
            for (var column = 0; column < expected.Columns.Count; column++)
            {
                var stored = reader.GetValue(column);
                var wanted = SqliteDialect.ToStored(row[column] is int number ? (long)number : row[column]) ?? DBNull.Value;
                Assert.True(Equals(wanted, stored), $"{expected.Table}.{expected.Columns[column]}: stored {Describe(stored)}, the repositories store {Describe(wanted)}");
            }
        }
    }

    private static string Describe(object value) => $"{value.GetType().Name} {value}";
}
