using EcoDrive.Application;
using EcoDrive.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.Sqlite.Tests;

public sealed class SqliteRegistrationTests : IDisposable
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();

    [Fact]
    public Task AddEcoDrive_ThenTheAdapter_ValidatesOnBuild() =>
        ContainerValidation.BuildAndResolveEveryServiceAsync(new ServiceCollection().AddEcoDrive().AddEcoDriveSqliteStorage(_database.Path));

    [Fact]
    public Task TheAdapter_ThenAddEcoDrive_ValidatesOnBuild() =>
        ContainerValidation.BuildAndResolveEveryServiceAsync(new ServiceCollection().AddEcoDriveSqliteStorage(_database.Path).AddEcoDrive());

    public void Dispose() => _database.Dispose();
}
