using EcoDrive.Erp.Catalogue;
using EcoDrive.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.Sqlite.Tests;

/// <summary>The page size of the files the adapter creates.</summary>
public sealed class SqlitePageSizeTests
{
    [Theory]
    [InlineData(null, 4_096)]
    [InlineData(16_384, 16_384)]
    [InlineData(65_536, 65_536)]
    public async Task EnsureSchema_OnANewFile_CreatesItWithThePageSize(int? configured, long expected)
    {
        using var database = SqliteTestDatabase.Create();

        await EnsureSchemaAsync(database.Path, configured);

        Assert.Equal(expected, await PageSizeAsync(database.Path));
    }

    [Fact]
    public async Task EnsureSchema_OnAnExistingFile_KeepsItsPageSizeAndItsData()
    {
        using var database = SqliteTestDatabase.Create();
        await using (var services = await EnsureSchemaAsync(database.Path, 4_096))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IProductCatalogue>().Add(TestData.Product(ProductSegment.Suv));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();
        }

        await using (var services = await EnsureSchemaAsync(database.Path, 16_384))
        {
            await using var scope = services.CreateAsyncScope();
            Assert.Single(await scope.ServiceProvider.GetRequiredService<IProductCatalogue>().ListAsync());
        }

        Assert.Equal(4_096, await PageSizeAsync(database.Path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    [InlineData(5_000)]
    [InlineData(131_072)]
    public void AddStorage_WithAPageSizeSQLiteCannotUse_FailsNamingItAndCreatesNoFile(int pageSize)
    {
        using var database = SqliteTestDatabase.Create();

        var error = Assert.Throws<InvalidInputException>(
            () => new ServiceCollection().AddEcoDriveSqliteStorage(options => (options.DatabasePath, options.PageSize) = (database.Path, pageSize)));

        Assert.Equal(nameof(SqliteStorageOptions.PageSize), error.ParamName);
        Assert.Contains("power of two from 512 to 65536", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(database.Path));
    }

    private static async Task<ServiceProvider> EnsureSchemaAsync(string path, int? pageSize)
    {
        var services = new ServiceCollection()
            .AddEcoDriveSqliteStorage(options =>
            {
                options.DatabasePath = path;
                options.PageSize = pageSize ?? options.PageSize;
            })
            .BuildServiceProvider();
        await services.GetRequiredService<SqliteStorage>().EnsureSchemaAsync();
        return services;
    }

    private static async Task<long> PageSizeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
