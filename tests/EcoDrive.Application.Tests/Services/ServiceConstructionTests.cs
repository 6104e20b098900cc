using EcoDrive.Application.Access;
using EcoDrive.Application.Gateways;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Ports;
using EcoDrive.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoDrive.Application.Tests.Services;

/// <summary>
/// How the application services are built: every port a service uses can be read from its constructor, and each run of
/// a use case (each retry too) gets the ports of a fresh unit of work.
/// </summary>
public sealed class ServiceConstructionTests
{
    private static readonly Type[] s_exported = typeof(CustomerService).Assembly.GetExportedTypes();

    /// <summary>The public types that run use cases: the services, and the dispatcher, the inbound port and the diagnostics.</summary>
    private static IEnumerable<Type> UseCaseTypes() =>
        s_exported
            .Where(t => t.Name.EndsWith("Service", StringComparison.Ordinal))
            .Concat([typeof(OutboxDispatcher), typeof(IntegrationInbound), typeof(AccessDiagnostics)]);

    [Fact]
    public void PublicServices_TakeNoServiceProviderOrScopeFactoryInTheirPublicConstructors()
    {
        var services = s_exported.Where(t => t.Name.EndsWith("Service", StringComparison.Ordinal)).ToArray();
        Assert.Contains(typeof(BillingService), services);
        Assert.Contains(typeof(HistoryImportService), services);

        var locators = UseCaseTypes()
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Type: t, Parameter: p)))
            .Where(x => x.Parameter.ParameterType == typeof(IServiceProvider) || x.Parameter.ParameterType == typeof(IServiceScopeFactory))
            .Select(x => $"{x.Type.Name}({x.Parameter.ParameterType.Name} {x.Parameter.Name})")
            .ToArray();

        Assert.True(locators.Length == 0, $"These constructors hide their dependencies behind a service locator: {string.Join(", ", locators)}.");
    }

    [Fact]
    public void AddEcoDrive_RegistersScopedEveryPortsTypeThatAServiceRunsWith()
    {
        // The container validates a service's runner, but not the ports the runner resolves per unit of work.
        var registered = new ServiceCollection().AddEcoDrive();
        var ports = UseCaseTypes()
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Select(p => p.ParameterType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(UseCaseRunner<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToArray();

        Assert.Contains(typeof(BillingPorts), ports);
        Assert.Contains(typeof(OutboxDispatcherPorts), ports);
        Assert.All(ports, p => Assert.Contains(registered, d => d.ServiceType == p && d.Lifetime == ServiceLifetime.Scoped));
    }

    [Fact]
    public async Task UseCase_WhenAnotherWriterChangesTheAggregateBeforeItsCommit_RunsAgainOnFreshPortsAndKeepsBothChanges()
    {
        var race = new Race();
        await using var host = new TestHost(services =>
        {
            services.AddEcoDriveInMemoryStorage();
            var unitOfWork = services.Single(d => d.ServiceType == typeof(IUnitOfWork));
            services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(
                sp => new RacingUnitOfWork((IUnitOfWork)unitOfWork.ImplementationFactory!(sp), race)));
        });
        var camille = await host.AddCamilleAsync();

        // The rival commits between the use case's read and its commit: the first commit conflicts.
        race.Rival = () => host.Customers.GrantMarketingConsentAsync(TestHost.Sophie, camille, "showroom");
        await host.Customers.AddInterestAsync(TestHost.Sophie, camille, ProductSegment.Suv);

        var customer = await host.Customers.GetAsync(TestHost.Admin, camille);
        Assert.Equal([ProductSegment.Suv], customer.Interests);
        Assert.Single(customer.ConsentHistory);
        Assert.Equal(1, race.Conflicts);
    }

    /// <summary>Runs a rival use case once, just before the next commit.</summary>
    private sealed class Race
    {
        private Func<Task>? _rival;

        public Func<Task>? Rival
        {
            set => _rival = value;
        }

        public int Conflicts { get; private set; }

        public async Task BeforeCommitAsync()
        {
            if (Interlocked.Exchange(ref _rival, null) is { } rival)
            {
                await rival();
            }
        }

        public void Conflicted() => Conflicts++;
    }

    private sealed class RacingUnitOfWork(IUnitOfWork inner, Race race) : IUnitOfWork
    {
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await race.BeforeCommitAsync();
            try
            {
                await inner.CommitAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                race.Conflicted();
                throw;
            }
        }
    }
}
