using EcoDrive.Application;
using EcoDrive.Testing;
using EcoDrive.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.PostgreSql.Tests;

public sealed class PostgreSqlRegistrationTests
{
    [StorageFact]
    public Task AddEcoDrive_ThenTheAdapter_ValidatesOnBuild() =>
        ContainerValidation.BuildAndResolveEveryServiceAsync(new ServiceCollection().AddEcoDrive().AddEcoDrivePostgreSqlStorage(PostgreSqlTestDatabase.ConnectionString));

    [StorageFact]
    public Task TheAdapter_ThenAddEcoDrive_ValidatesOnBuild() =>
        ContainerValidation.BuildAndResolveEveryServiceAsync(new ServiceCollection().AddEcoDrivePostgreSqlStorage(PostgreSqlTestDatabase.ConnectionString).AddEcoDrive());
}
