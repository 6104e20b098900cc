using EcoDrive.Application.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDrive.Application.Ports;

/// <summary>
/// The ports that one delivery batch of <see cref="OutboxDispatcher"/> uses: <c>AddEcoDrive</c> registers it scoped, and
/// the dispatcher's <see cref="UseCaseRunner{TPorts}"/> resolves a fresh one from the new scope of each batch (and of
/// each retry). DI builds it; you do not.
/// </summary>
/// <param name="outbox">Where the batch's messages are claimed and marked delivered.</param>
/// <param name="inbox">Remembers the messages already applied, so that none is applied twice.</param>
/// <param name="handlers">
/// The scope's services, where the handler of each message is found by the message's type
/// (<see cref="IIntegrationMessageHandler{TMessage}"/>): the kinds of message are open, so they cannot be listed here.
/// </param>
public sealed class OutboxDispatcherPorts(IOutbox outbox, IInbox inbox, IServiceProvider handlers)
{
    internal IOutbox Outbox { get; } = outbox;

    internal IInbox Inbox { get; } = inbox;

    /// <summary>The handler of <typeparamref name="TMessage"/>, from the batch's scope.</summary>
    internal IIntegrationMessageHandler<TMessage> HandlerOf<TMessage>()
        where TMessage : IntegrationMessage =>
        handlers.GetRequiredService<IIntegrationMessageHandler<TMessage>>();
}
