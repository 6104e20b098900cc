using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Application.Access;
using EcoDrive.Application.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Tests.Access;

public sealed class AccessDiagnosticsTests
{
    private static readonly User s_mia = new(UserId.New(), "Mia", Role.Marketing);

    [Fact]
    public async Task Explain_SalespersonAndCompleteCustomer_AllChecksPass()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(TestHost.Sophie, camille);

        Assert.True(explanation.CanSeeContactDetails);
        Assert.All(explanation.Checks, c => Assert.Equal(CheckVerdict.Pass, c.Verdict));
    }

    [Fact]
    public async Task Explain_UserWithoutReadContact_FailsPermissionsNamingTheMissingOne()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(s_mia, camille);

        Assert.False(explanation.CanSeeContactDetails);
        Assert.Equal(CheckVerdict.Fail, explanation.Permissions.Verdict);
        Assert.Contains("'customers.read-contact'", explanation.Permissions.Finding, StringComparison.Ordinal);
        Assert.DoesNotContain("'customers.read'", explanation.Permissions.Finding, StringComparison.Ordinal);
        Assert.Contains("Marketing role", explanation.Permissions.Fix, StringComparison.Ordinal);
        Assert.Equal(CheckVerdict.Pass, explanation.CustomerRecord.Verdict);
    }

    [Fact]
    public async Task Explain_UserWhoCannotReadCustomers_DoesNotRevealTheRecord()
    {
        await using var host = new TestHost();

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(TestHost.Marc, CustomerId.New());

        Assert.Equal(CheckVerdict.Fail, explanation.Permissions.Verdict);
        Assert.Equal(CheckVerdict.NotChecked, explanation.CustomerRecord.Verdict);
    }

    [Fact]
    public async Task Explain_UnknownCustomer_FailsTheRecordCheck()
    {
        await using var host = new TestHost();

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(TestHost.Sophie, CustomerId.New());

        Assert.Equal(CheckVerdict.Fail, explanation.CustomerRecord.Verdict);
        Assert.Contains("No customer", explanation.CustomerRecord.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_CustomerWithoutEmailOrPhone_FailsTheRecordCheckSayingWhatIsMissing()
    {
        await using var host = new TestHost();
        var bare = await host.Customers.CreateIndividualAsync(TestHost.Sophie, "Jules", "Bernard", ContactDetails.None);

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(TestHost.Sophie, bare);

        Assert.Equal(CheckVerdict.Fail, explanation.CustomerRecord.Verdict);
        Assert.Contains("email or phone", explanation.CustomerRecord.Finding, StringComparison.Ordinal);
        Assert.Contains("[FAIL] customer record", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ErasedCustomer_SaysTheDataWasErased()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        await host.Customers.EraseAsync(TestHost.Sophie, camille);

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(TestHost.Sophie, camille);

        Assert.Equal(CheckVerdict.Fail, explanation.CustomerRecord.Verdict);
        Assert.Contains("erased", explanation.CustomerRecord.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WhenTheDispatcherIsStuck_WarnsWithTheLastError()
    {
        await using var host = new TestHost();
        var camille = await host.AddCamilleAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new OrderStatusChanged(
                Guid.CreateVersion7(), host.Clock.GetUtcNow(), OrderId.New(), new OrderStatusEntry(OrderStatus.Confirmed, host.Clock.GetUtcNow(), null, null, 2)));
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync();
        }

        await host.Dispatcher.DispatchDueAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        var explanation = await Diagnostics(host).ExplainContactAccessAsync(TestHost.Sophie, camille);

        Assert.Equal(CheckVerdict.Warning, explanation.System.Verdict);
        Assert.Contains("order.not-found", explanation.System.Finding, StringComparison.Ordinal);
        Assert.True(explanation.CanSeeContactDetails);
    }

    [Fact]
    public async Task Explain_WhenStorageFails_FailsTheSystemCheck()
    {
        var services = new ServiceCollection()
            .AddEcoDrive()
            .AddEcoDriveUnreachableCustomers()
            .BuildServiceProvider();

        var explanation = await services.GetRequiredService<AccessDiagnostics>().ExplainContactAccessAsync(TestHost.Sophie, CustomerId.New());

        Assert.Equal(CheckVerdict.NotChecked, explanation.CustomerRecord.Verdict);
        Assert.Equal(CheckVerdict.Fail, explanation.System.Verdict);
        Assert.Contains("cannot be reached", explanation.System.Finding, StringComparison.Ordinal);
    }

    private static AccessDiagnostics Diagnostics(TestHost host) => host.Get<AccessDiagnostics>();
}

internal static class UnreachableStorage
{
    public static IServiceCollection AddEcoDriveUnreachableCustomers(this IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.InMemoryStorageServiceCollectionExtensions.AddEcoDriveInMemoryStorage(services);
        return services.AddScoped<ICustomerRepository, UnreachableCustomers>();
    }

    private sealed class UnreachableCustomers : ICustomerRepository
    {
        public Task<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
            throw new IOException("connection refused (127.0.0.1:5432)");

        public Task<Customer?> FindByContactAsync(ContactDetails contact, CancellationToken cancellationToken = default) =>
            throw new IOException("connection refused (127.0.0.1:5432)");

        public void Add(Customer customer) => throw new IOException("connection refused");

        public void Update(Customer customer) => throw new IOException("connection refused");
    }
}
