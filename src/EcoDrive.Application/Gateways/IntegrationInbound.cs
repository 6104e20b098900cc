using EcoDrive.Application.Messaging;
using EcoDrive.Application.Ports;

namespace EcoDrive.Application.Gateways;

/// <summary>
/// Where a foreign system hands messages to EcoDrive: a foreign ERP reports <see cref="OrderStatusChanged"/>, a
/// foreign CRM submits <see cref="OrderSubmitted"/>. A message is stored in the outbox and delivered like our own,
/// so it survives a crash, is retried on failure and is applied once even if the foreign system sends it twice
/// (keep its <see cref="IntegrationMessage.MessageId"/> stable across resends).
/// </summary>
public sealed class IntegrationInbound
{
    private readonly UseCaseRunner<IntegrationInboundPorts> _runner;

    /// <summary>Creates the inbound port; resolve it from DI (<c>AddEcoDrive</c>).</summary>
    /// <param name="runner">Opens the scope of each message, with a fresh <see cref="IntegrationInboundPorts"/> (the ports it uses).</param>
    public IntegrationInbound(UseCaseRunner<IntegrationInboundPorts> runner) => _runner = runner;

    /// <summary>Stores a message from a foreign system for delivery.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is stored then.</param>
    public Task AcceptAsync(IntegrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _runner.RunUncommittedAsync(
            ports =>
            {
                ports.Outbox.Enqueue(message);
                return ports.UnitOfWork.CommitAsync(cancellationToken);
            });
    }
}
