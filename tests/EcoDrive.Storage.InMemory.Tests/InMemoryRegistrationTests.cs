using EcoDrive.Application;
using EcoDrive.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Storage.InMemory.Tests;

public sealed class InMemoryRegistrationTests
{
    [Fact]
    public Task AddEcoDrive_ThenTheAdapter_ValidatesOnBuild() =>
        ContainerValidation.BuildAndResolveEveryServiceAsync(new ServiceCollection().AddEcoDrive().AddEcoDriveInMemoryStorage());

    [Fact]
    public Task TheAdapter_ThenAddEcoDrive_ValidatesOnBuild() =>
        ContainerValidation.BuildAndResolveEveryServiceAsync(new ServiceCollection().AddEcoDriveInMemoryStorage().AddEcoDrive());
}
