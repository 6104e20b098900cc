using EcoDrive.Application.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Gateways;

/// <summary>
/// Where a foreign system hands messages to EcoDrive: a foreign ERP reports <see cref="OrderStatusChanged"/>, a
/// foreign CRM submits <see cref="OrderSubmitted"/>. A message is stored in the outbox and delivered like our own,
/// so it survives a crash, is retried on failure and is applied once even if the foreign system sends it twice
/// (keep its <see cref="IntegrationMessage.MessageId"/> stable across resends).
/// </summary>
public sealed class IntegrationInbound
{
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Creates the inbound port; resolve it from DI (<c>AddEcoDrive</c>).</summary>
    /// <param name="scopes">Creates the unit of work that stores each message.</param>
    public IntegrationInbound(IServiceScopeFactory scopes) => _scopes = scopes;

    /// <summary>Stores a message from a foreign system for delivery.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is stored then.</param>
    public async Task AcceptAsync(IntegrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(message);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
