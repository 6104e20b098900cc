namespace EcoDrive.Crm.Campaigns;

/// <summary>A campaign message ready to leave: one recipient, rendered text.</summary>
/// <param name="MessageId">Stable id of this campaign's message to this recipient; the same on a retry, so a sender can ignore a repeat.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Recipient">The customer or lead it is addressed to (for the provider's own bookkeeping, such as unsubscribe links).</param>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="To">The e-mail address or E.164 phone number.</param>
/// <param name="Subject">The subject (e-mail only).</param>
/// <param name="Body">The body.</param>
public sealed record OutgoingMessage(string MessageId, CampaignId CampaignId, PartyRef Recipient, CampaignChannel Channel, string To, string? Subject, string Body);

/// <summary>What became of one message handed to an <see cref="IMessageSender"/>: an expected outcome, not an exception.</summary>
/// <param name="Accepted">Whether the provider accepted the message.</param>
/// <param name="Error">Why not, when refused.</param>
public readonly record struct SendResult(bool Accepted, string? Error)
{
    /// <summary>The provider accepted the message.</summary>
    public static SendResult Sent => new(true, null);

    /// <summary>The provider refused the message.</summary>
    /// <param name="error">Why (bounced address, invalid number…).</param>
    public static SendResult Failed(string error) => new(false, string.IsNullOrWhiteSpace(error) ? "unknown error" : error);
}

/// <summary>
/// Port: sends campaign messages (an e-mail or SMS provider). Register one implementation as a singleton; the
/// in-memory adapter registers a recording one for tests and demos.
/// </summary>
public interface IMessageSender
{
    /// <summary>Sends one message.</summary>
    /// <param name="message">The message; its <see cref="OutgoingMessage.MessageId"/> is stable across retries.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>Whether the provider accepted it. Throw only for a cancellation; other failures are a <see cref="SendResult.Failed"/>.</returns>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
