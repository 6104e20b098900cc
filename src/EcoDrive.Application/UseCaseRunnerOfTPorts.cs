using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application;

/// <summary>
/// Runs the use cases of one application service, each in its own DI scope and unit of work: it resolves
/// <typeparamref name="TPorts"/> (the ports that service's use cases use, listed in its constructor) from a new scope,
/// runs the use case with them, and commits the scope's <see cref="IUnitOfWork"/>. A use case that lost a race to
/// another unit of work runs again from a fresh scope, so it reads fresh ports. <c>AddEcoDrive</c> registers it for
/// every ports type; services take it in their constructor instead of a service provider.
/// </summary>
/// <typeparam name="TPorts">The ports of one unit of work, registered scoped (for instance <see cref="Ports.BillingPorts"/>).</typeparam>
public sealed class UseCaseRunner<TPorts>
    where TPorts : class
{
    private readonly IServiceScopeFactory _scopes;
    private readonly UseCaseRunner _runner;

    /// <summary>Creates the runner; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="scopes">Creates the scope, and so the unit of work and the <typeparamref name="TPorts"/>, of each run.</param>
    public UseCaseRunner(IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        _scopes = scopes;
        _runner = new UseCaseRunner(scopes);
    }

    /// <summary>Runs <paramref name="useCase"/> with fresh ports, commits, and runs it again from fresh ports after a concurrency conflict.</summary>
    /// <remarks>The use case's span is named from the caller's file and member (<c>BillingService.IssueInvoice</c>).</remarks>
    internal Task<T> RunAsync<T>(
        Func<TPorts, Task<T>> useCase, CancellationToken cancellationToken, [CallerMemberName] string member = "", [CallerFilePath] string file = "") =>
        _runner.RunAsync(services => useCase(services.GetRequiredService<TPorts>()), cancellationToken, member, file);

    /// <inheritdoc cref="RunAsync{T}(Func{TPorts, Task{T}}, CancellationToken, string, string)"/>
    internal Task RunAsync(
        Func<TPorts, Task> useCase, CancellationToken cancellationToken, [CallerMemberName] string member = "", [CallerFilePath] string file = "") =>
        _runner.RunAsync(services => useCase(services.GetRequiredService<TPorts>()), cancellationToken, member, file);

    /// <summary>
    /// Runs <paramref name="work"/> with the ports of a new scope, once, and commits nothing: for work that only reads,
    /// or that commits through its own transaction or unit of work.
    /// </summary>
    internal async Task<T> RunUncommittedAsync<T>(Func<TPorts, Task<T>> work)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await work(scope.ServiceProvider.GetRequiredService<TPorts>()).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="RunUncommittedAsync{T}(Func{TPorts, Task{T}})"/>
    internal async Task RunUncommittedAsync(Func<TPorts, Task> work)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await work(scope.ServiceProvider.GetRequiredService<TPorts>()).ConfigureAwait(false);
        }
    }
}
