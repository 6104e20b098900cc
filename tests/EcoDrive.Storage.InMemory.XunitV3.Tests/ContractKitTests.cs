using EcoDrive.Core.Customers;
using EcoDrive.Storage.InMemory.Tests;
using EcoDrive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Sdk;

namespace EcoDrive.Storage.InMemory.XunitV3.Tests;

/// <summary>The kit's own behaviour under xunit v3: a wrong adapter fails its contract.</summary>
public sealed class ContractKitTests
{
    [Fact]
    public async Task CustomerContract_OnARepositoryThatForgetsWhatItStores_Fails()
    {
        var contract = new ForgetfulCustomerRepositoryTests();
        await contract.InitializeAsync();
        await using (contract)
        {
            await Assert.ThrowsAnyAsync<XunitException>(contract.Add_ThenFind_ReturnsTheSameState);
        }
    }

    /// <summary>The in-memory adapter with a customer repository that stores nothing. Not public: the runner leaves it to the test above.</summary>
    private sealed class ForgetfulCustomerRepositoryTests : CustomerRepositoryContract
    {
        protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) =>
            InMemoryStore.BuildAsync(services.AddEcoDriveInMemoryStorage().Replace(ServiceDescriptor.Scoped<ICustomerRepository, ForgetfulCustomerRepository>()));
    }

    private sealed class ForgetfulCustomerRepository : ICustomerRepository
    {
        public Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) => Task.FromResult<Customer?>(null);

        public Task<Customer?> FindByContactAsync(ContactDetails contact, CancellationToken cancellationToken = default) => Task.FromResult<Customer?>(null);

        public void Add(Customer customer)
        {
        }

        public void Update(Customer customer)
        {
        }
    }
}

/// <summary>
/// A contract whose class requires a variable that is never set: under xunit v3 as under v2, each of its tests reports
/// itself skipped with the reason (<c>skipped: ECODRIVE_TEST_NEVER_SET not set</c>) instead of running, as the
/// PostgreSQL contracts do on a machine without the server.
/// </summary>
[RequiresEnvironmentVariable("ECODRIVE_TEST_NEVER_SET")]
public sealed class RequiresEnvironmentVariableTests : CampaignRepositoryContract
{
    protected override Task<ServiceProvider> BuildServicesAsync(IServiceCollection services) =>
        throw new InvalidOperationException("A skipped test builds no services.");
}
