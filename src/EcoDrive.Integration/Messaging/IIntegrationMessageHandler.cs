namespace EcoDrive.Integration.Messaging;

/// <summary>
/// Handles one kind of message on the receiving side. It runs in its own DI scope and unit of work; it stages its
/// changes and the dispatcher commits them with the inbox mark.
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
