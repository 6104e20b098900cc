using EcoDrive.Application.Gateways;
using EcoDrive.Application.Messaging;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that <see cref="IntegrationInbound"/> uses to store one message: <c>AddEcoDrive</c> registers it scoped, and
/// its <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each message. DI builds it; you do not.
/// </summary>
/// <param name="outbox">Where the message is stored for delivery.</param>
/// <param name="unitOfWork">Commits it.</param>
public sealed class IntegrationInboundPorts(IOutbox outbox, IUnitOfWork unitOfWork)
{
    internal IOutbox Outbox { get; } = outbox;

    internal IUnitOfWork UnitOfWork { get; } = unitOfWork;
}
