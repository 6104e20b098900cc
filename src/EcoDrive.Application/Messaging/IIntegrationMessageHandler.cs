namespace EcoDrive.Application.Messaging;

/// <summary>
/// Handles one kind of message on the receiving side. It runs in the DI scope and unit of work of its delivery batch,
/// which it may share with the batch's other messages (handled one after the other, in outbox order); it stages its
/// changes and the dispatcher commits them with the inbox marks. If it throws, nothing of the batch is committed and
/// the batch's messages are delivered again one by one.
/// </summary>
/// <typeparam name="TMessage">The kind of message.</typeparam>
public interface IIntegrationMessageHandler<in TMessage>
    where TMessage : IntegrationMessage
{
    /// <summary>Applies the message's effects.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the handling; nothing is committed then.</param>
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
