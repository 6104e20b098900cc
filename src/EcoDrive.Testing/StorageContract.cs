using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcoDrive.Testing;

/// <summary>
/// Base of the contract tests: each test gets a fresh service provider over an empty store from
/// <see cref="BuildServicesAsync"/>, which the adapter under test implements, and runs its operations in DI scopes as
/// an application does: one scope, one unit of work.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The clock every test's services see, starting at <see cref="TestData.Start"/>.</summary>
    protected FakeTimeProvider Clock { get; } = new(TestData.Start);

    /// <summary>The services of the current test.</summary>
    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The services are built in InitializeAsync.");

    /// <summary>Builds the services of one test.</summary>
    /// <returns>A task that completes when the services are ready.</returns>
#if XUNIT_V3
    public async ValueTask InitializeAsync()
#else
    public async Task InitializeAsync()
#endif
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        ConfigureServices(services);
        _services = await BuildServicesAsync(services).ConfigureAwait(false);
    }

    /// <summary>Disposes the services of the test.</summary>
    /// <returns>A task that completes once they are disposed.</returns>
#if XUNIT_V3
    public async ValueTask DisposeAsync()
#else
    public async Task DisposeAsync()
#endif
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Implemented by the adapter under test: add the adapter to <paramref name="services"/> (which holds the test's
    /// clock and what the contract needs), build the provider, and make its store empty and ready (e.g. create a fresh
    /// database and its schema). The provider is disposed after the test.
    /// </summary>
    /// <param name="services">The services so far.</param>
    /// <returns>The provider.</returns>
    protected abstract Task<ServiceProvider> BuildServicesAsync(IServiceCollection services);

    /// <summary>Adds what a contract needs besides storage (the order-flow contract adds the application).</summary>
    /// <param name="services">The services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A new scope: a new unit of work.</summary>
    /// <returns>The scope; dispose it.</returns>
    protected AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    /// <summary>A service of a scope.</summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <param name="scope">The scope.</param>
    /// <returns>The service.</returns>
    protected static T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Commits the scope's unit of work.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>A task that completes with the commit.</returns>
    protected static Task CommitAsync(AsyncServiceScope scope, CancellationToken cancellationToken = default) =>
        Get<IUnitOfWork>(scope).CommitAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a new scope and commits it.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">What to do.</param>
    /// <returns>The result of <paramref name="work"/>.</returns>
    protected async Task<T> InScopeAsync<T>(Func<AsyncServiceScope, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var scope = NewScope();
        await using (scope.ConfigureAwait(false))
        {
            var result = await work(scope).ConfigureAwait(false);
            await CommitAsync(scope).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a new scope and commits it.</summary>
    /// <param name="work">What to do.</param>
    /// <returns>A task that completes after the commit.</returns>
    protected Task InScopeAsync(Func<AsyncServiceScope, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InScopeAsync(async scope =>
        {
            await work(scope).ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Stages additions in a new scope and commits them.</summary>
    /// <param name="add">What to stage.</param>
    /// <returns>A task that completes after the commit.</returns>
    protected Task AddAsync(Action<AsyncServiceScope> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        return InScopeAsync(scope =>
        {
            add(scope);
            return Task.CompletedTask;
        });
    }

    /// <summary>Reads in a new scope, without committing.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="read">The read.</param>
    /// <returns>What was read.</returns>
    protected async Task<T> ReadAsync<T>(Func<AsyncServiceScope, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var scope = NewScope();
        await using (scope.ConfigureAwait(false))
        {
            return await read(scope).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a new scope and commits it, again from a fresh read in a new scope each time the
    /// commit loses a race (<see cref="ConcurrencyConflictException"/>), as application services do.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">What to do.</param>
    /// <param name="cancellationToken">Stops retrying.</param>
    /// <returns>The result of the attempt that committed.</returns>
    protected async Task<T> WithRetryAsync<T>(Func<AsyncServiceScope, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            var scope = NewScope();
            await using (scope.ConfigureAwait(false))
            {
                var result = await work(scope).ConfigureAwait(false);
                try
                {
                    await CommitAsync(scope, cancellationToken).ConfigureAwait(false);
                    return result;
                }
                catch (ConcurrencyConflictException) when (attempt < 10_000)
                {
                    await Task.Yield();
                }
            }
        }
    }

    /// <summary>The JSON of a value, to compare snapshots (whose lists compare by reference) by content.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its JSON.</returns>
    protected static string Json<T>(T value) => JsonSerializer.Serialize(value, EcoDriveJson.Options);

    /// <summary>
    /// Reads the same aggregate in two scopes, changes and commits it in the first, then changes it differently in the
    /// second: that commit must fail with <c>storage.concurrency-conflict</c>, and the first change must be what is stored.
    /// </summary>
    /// <typeparam name="TRepository">The repository port.</typeparam>
    /// <typeparam name="TAggregate">The aggregate.</typeparam>
    /// <param name="find">Reads the aggregate.</param>
    /// <param name="change">Changes it; the second argument is 1 for the first writer, 2 for the stale one.</param>
    /// <param name="update">Stages the update.</param>
    /// <param name="state">The aggregate's state, to compare (its snapshot's JSON).</param>
    /// <returns>A task that completes when the check is done.</returns>
    protected async Task AssertStaleWriteIsRefusedAsync<TRepository, TAggregate>(
        Func<TRepository, Task<TAggregate?>> find, Action<TAggregate, int> change, Action<TRepository, TAggregate> update, Func<TAggregate, string> state)
        where TRepository : notnull
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(state);
        var first = NewScope();
        var second = NewScope();
        await using (first.ConfigureAwait(false))
        await using (second.ConfigureAwait(false))
        {
            var winner = await find(Get<TRepository>(first)).ConfigureAwait(false);
            var loser = await find(Get<TRepository>(second)).ConfigureAwait(false);
            Assert.NotNull(winner);
            Assert.NotNull(loser);

            change(winner, 1);
            update(Get<TRepository>(first), winner);
            await CommitAsync(first).ConfigureAwait(false);
            change(loser, 2);
            update(Get<TRepository>(second), loser);
            var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CommitAsync(second)).ConfigureAwait(false);

            Assert.Equal(ErrorCodes.Storage.ConcurrencyConflict, error.Code);
            var stored = await ReadAsync(scope => find(Get<TRepository>(scope))).ConfigureAwait(false);
            Assert.NotNull(stored);
            Assert.Equal(state(winner), state(stored));
        }
    }
}
