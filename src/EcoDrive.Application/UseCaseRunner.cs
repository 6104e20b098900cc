using System.Runtime.CompilerServices;
using EcoDrive.Application.Messaging;
using EcoDrive.Application.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application;

/// <summary>
/// Runs one use case in its own DI scope and unit of work, and commits it. A use case that lost a race (another
/// unit of work changed the same aggregate first) is run again from a fresh read, a bounded number of times. A commit
/// wakes the hosted dispatcher, if there is one, for the messages it may have enqueued. Each run is a span named after
/// the use case (<c>BillingService.IssueInvoice</c>, from the caller's file and member), its conflicts and retries are
/// counted, and a refusal by a business rule is logged with its code (see <see cref="UseCaseTelemetry"/>).
/// </summary>
internal sealed class UseCaseRunner(IServiceScopeFactory scopes)
{
    public const int MaxAttempts = 100;

    public async Task<T> RunAsync<T>(
        Func<IServiceProvider, Task<T>> useCase, CancellationToken cancellationToken, [CallerMemberName] string member = "", [CallerFilePath] string file = "")
    {
        using var activity = UseCaseTelemetry.Start(file, member);
        for (var attempt = 1; ; attempt++)
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    var result = await useCase(scope.ServiceProvider).ConfigureAwait(false);
                    await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken).ConfigureAwait(false);
                    scope.ServiceProvider.GetService<OutboxSignal>()?.Notify();
                    return result;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    UseCaseTelemetry.Retrying(scope.ServiceProvider, activity, file, member, attempt);
                    await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (UseCaseTelemetry.Failed(scope.ServiceProvider, activity, file, member, attempt, error))
                {
                    throw; // never: the filter records the failure and lets it go on
                }
            }
        }
    }

    public Task RunAsync(
        Func<IServiceProvider, Task> useCase, CancellationToken cancellationToken, [CallerMemberName] string member = "", [CallerFilePath] string file = "") =>
        RunAsync(
            async services =>
            {
                await useCase(services).ConfigureAwait(false);
                return true;
            },
            cancellationToken,
            member,
            file);
}
