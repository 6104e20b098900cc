using EcoDrive.Core.Customers;
using EcoDrive.Application.Access;
using EcoDrive.Application.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EcoDrive.Samples.WebHost.Infrastructure;

/// <summary>Storage answers a read.</summary>
internal sealed class StorageHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ICustomerRepository>().FindAsync(Core.CustomerId.New(), cancellationToken);
            return HealthCheckResult.Healthy("Storage answers.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage does not answer.", error);
        }
    }
}

/// <summary>No message between CRM and ERP is parked, and none has waited longer than <see cref="AccessDiagnosticsOptions.StalledAfter"/>.</summary>
internal sealed class DispatcherHealthCheck(IOutboxStore outbox, IOptions<AccessDiagnosticsOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await outbox.GetDueAsync(DateTimeOffset.MaxValue, 1_000, cancellationToken);
        var parked = await outbox.CountParkedAsync(cancellationToken);
        var oldest = pending.Count == 0 ? (DateTimeOffset?)null : pending.Min(e => e.Message.OccurredAt);
        var data = new Dictionary<string, object> { ["pending"] = pending.Count, ["parked"] = parked };
        if (parked > 0)
        {
            return HealthCheckResult.Degraded($"{parked} message(s) parked after failing every attempt (GET /outbox/parked).", data: data);
        }

        return oldest is { } since && clock.GetUtcNow() - since > options.Value.StalledAfter
            ? HealthCheckResult.Degraded($"{pending.Count} message(s) waiting since {since:O}.", data: data)
            : HealthCheckResult.Healthy($"{pending.Count} message(s) waiting.", data);
    }
}
