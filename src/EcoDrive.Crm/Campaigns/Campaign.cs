namespace EcoDrive.Crm.Campaigns;

/// <summary>Where a campaign stands: <c>Draft → Sending → Completed</c>.</summary>
public enum CampaignStatus
{
    /// <summary>Being prepared; its audience is not fixed yet.</summary>
    Draft = 0,

    /// <summary>Launched: its audience is fixed and its messages are being sent.</summary>
    Sending = 1,

    /// <summary>Every message was sent or failed (final).</summary>
    Completed = 2,
}

/// <summary>What became of one campaign message.</summary>
public enum DeliveryStatus
{
    /// <summary>Not sent yet.</summary>
    Pending = 0,

    /// <summary>Accepted by the message provider.</summary>
    Sent = 1,

    /// <summary>Refused by the message provider (see <see cref="CampaignDelivery.Error"/>).</summary>
    Failed = 2,
}

/// <summary>One change of a campaign's status, kept as history.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who; <see langword="null"/> when the campaign completed on its own (its last message was recorded).</param>
public sealed record CampaignChange(CampaignStatus Status, DateTimeOffset At, UserId? Actor);

/// <summary>The record of one campaign message to one person: where it went, what it said, and what became of it.</summary>
/// <param name="Recipient">The customer or lead it was addressed to.</param>
/// <param name="Address">The e-mail address or phone number it was sent to.</param>
/// <param name="Subject">The rendered subject (e-mail only).</param>
/// <param name="Body">The rendered body.</param>
/// <param name="Status">Pending, sent or failed.</param>
/// <param name="At">When it was sent or failed.</param>
/// <param name="Error">Why it failed.</param>
public sealed record CampaignDelivery(PartyRef Recipient, string Address, string? Subject, string Body, DeliveryStatus Status, DateTimeOffset? At, string? Error);

/// <summary>
/// A targeted marketing campaign (the brief's "promo ciblée aux clients intéressés par les SUV"): a segment, a
/// channel and a templated message. <see cref="Launch"/> fixes the audience and renders one message per person;
/// each message's fate is then recorded (<see cref="RecordDelivery"/>) and the campaign completes when none is
/// pending. Leads that answer it carry it as their source (<c>LeadSource.FromCampaign</c>).
/// </summary>
public sealed class Campaign : AggregateRoot
{
    private static readonly TransitionTable<CampaignStatus> s_moves = new(
        ErrorCodes.Campaign.InvalidTransition,
        (CampaignStatus.Draft, nameof(Launch), CampaignStatus.Sending),
        (CampaignStatus.Sending, nameof(RecordDelivery), CampaignStatus.Sending));

    private readonly List<CampaignDelivery> _deliveries;
    private readonly Dictionary<PartyRef, int> _deliveryIndex;
    private readonly List<CampaignChange> _history;

    private Campaign(CampaignSnapshot snapshot)
    {
        Id = snapshot.Id;
        Name = snapshot.Name;
        Segment = snapshot.Segment;
        Channel = snapshot.Channel;
        Message = snapshot.Message;
        Status = snapshot.Status;
        _history = [.. snapshot.History];
        _deliveries = [.. snapshot.Deliveries];
        _deliveryIndex = _deliveries.Select((d, i) => (d.Recipient, i)).ToDictionary(x => x.Recipient, x => x.i);
    }

    /// <summary>Identity of the campaign.</summary>
    public CampaignId Id { get; }

    /// <summary>Its name (<c>SUV spring promotion</c>).</summary>
    public string Name { get; }

    /// <summary>Who it targets.</summary>
    public Segment Segment { get; }

    /// <summary>E-mail or SMS.</summary>
    public CampaignChannel Channel { get; }

    /// <summary>What it says.</summary>
    public CampaignMessage Message { get; }

    /// <summary>Draft, sending or completed.</summary>
    public CampaignStatus Status { get; private set; }

    /// <summary>Every change of status, oldest first; the first is <see cref="CampaignStatus.Draft"/> (who created it and when).</summary>
    public IReadOnlyList<CampaignChange> History => _history;

    /// <summary>One record per person messaged, fixed at launch.</summary>
    public IReadOnlyList<CampaignDelivery> Deliveries => _deliveries;

    /// <summary>Prepares a campaign.</summary>
    /// <param name="id">Identity of the campaign.</param>
    /// <param name="name">Its name; required.</param>
    /// <param name="segment">Who it targets.</param>
    /// <param name="channel">E-mail or SMS.</param>
    /// <param name="message">What it says; an e-mail needs a subject, an SMS has none.</param>
    /// <param name="actor">Who prepared it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidInputException">The name is blank, too long or holds a control character, the channel is not defined, or the subject does not fit the channel.</exception>
    public static Campaign Create(
        CampaignId id, string name, Segment segment, CampaignChannel channel, CampaignMessage message, UserId actor, DateTimeOffset at)
    {
        name = FreeText.Require(name);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(message);
        switch (channel)
        {
            case CampaignChannel.Email when message.Subject is null:
                throw new InvalidInputException(ErrorCodes.Input.Required, "An e-mail campaign needs a subject.", nameof(message));
            case CampaignChannel.Sms when message.Subject is not null:
                throw new InvalidInputException(ErrorCodes.Input.Inconsistent, "An SMS has no subject: leave it out.", nameof(message));
            case CampaignChannel.Email or CampaignChannel.Sms:
                break;
            default:
                throw new InvalidInputException(ErrorCodes.Input.OutOfRange, $"'{channel}' is not a campaign channel.", nameof(channel));
        }

        return new Campaign(new CampaignSnapshot(
            id, name, segment, channel, message, CampaignStatus.Draft, [new CampaignChange(CampaignStatus.Draft, at, actor)], []));
    }

    /// <summary>Rebuilds a campaign from its stored state. For storage adapters.</summary>
    /// <param name="snapshot">State written by <see cref="ToSnapshot"/>.</param>
    public static Campaign FromSnapshot(CampaignSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Campaign(snapshot);
    }

    /// <summary>The campaign's whole state as an immutable value. For storage adapters.</summary>
    public CampaignSnapshot ToSnapshot() => new(Id, Name, Segment, Channel, Message, Status, [.. _history], [.. _deliveries]);

    /// <summary>
    /// Launches the campaign: fixes its audience and renders one pending message per recipient; with no recipient
    /// it completes at once. <c>Draft → Sending</c>.
    /// </summary>
    /// <param name="audience">The resolved audience (see <see cref="Audience.Resolve"/>); one recipient per party.</param>
    /// <param name="actor">Who launched it.</param>
    /// <param name="at">When.</param>
    /// <exception cref="InvalidTransitionException">It was already launched.</exception>
    /// <exception cref="InvalidInputException">A party appears twice in the audience, or a recipient has no party, address or first name.</exception>
    public void Launch(IEnumerable<Recipient> audience, UserId actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var to = s_moves.Next(Status, nameof(Launch), Id.ToString());
        var recipients = audience.ToArray();
        if (recipients.DistinctBy(r => r.Party).Count() != recipients.Length)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, "Each party can receive one message per campaign.", nameof(audience));
        }

        var deliveries = recipients.Select(recipient =>
        {
            PartyRef.Require(recipient.Party, nameof(audience));
            InvalidInputException.ThrowIfNullOrWhiteSpace(recipient.Address, nameof(audience));
            var (subject, body) = Message.RenderFor(recipient.FirstName);
            return new CampaignDelivery(recipient.Party, recipient.Address, subject, body, DeliveryStatus.Pending, null, null);
        }).ToArray();
        foreach (var delivery in deliveries)
        {
            _deliveryIndex[delivery.Recipient] = _deliveries.Count;
            _deliveries.Add(delivery);
        }

        Status = to;
        _history.Add(new CampaignChange(to, at, actor));
        CompleteIfNothingPending(at);
    }

    /// <summary>The messages not sent yet, in audience order, ready for an <see cref="IMessageSender"/>.</summary>
    /// <param name="max">At most this many.</param>
    public IReadOnlyList<OutgoingMessage> PendingMessages(int max = int.MaxValue)
    {
        InvalidInputException.ThrowIfNegativeOrZero(max);
        return [.. _deliveries.Where(d => d.Status == DeliveryStatus.Pending).Take(max).Select(ToMessage)];
    }

    /// <summary>
    /// Records what became of the message to <paramref name="recipient"/>; the campaign completes when none is
    /// pending. Recording a message that is no longer pending changes nothing.
    /// </summary>
    /// <param name="recipient">The party the message went to.</param>
    /// <param name="result">What the sender answered.</param>
    /// <param name="at">When.</param>
    /// <returns><see langword="false"/> when the message's fate was already recorded.</returns>
    /// <exception cref="InvalidTransitionException">The campaign is not sending (a draft has no messages).</exception>
    /// <exception cref="InvalidInputException">The campaign has no message to <paramref name="recipient"/>.</exception>
    public bool RecordDelivery(PartyRef recipient, SendResult result, DateTimeOffset at)
    {
        if (Status == CampaignStatus.Completed && _deliveryIndex.ContainsKey(recipient))
        {
            return false;
        }

        _ = s_moves.Next(Status, nameof(RecordDelivery), Id.ToString());
        if (!_deliveryIndex.TryGetValue(recipient, out var index))
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"Campaign {Id} has no message to {recipient}.", nameof(recipient));
        }

        var delivery = _deliveries[index];
        if (delivery.Status != DeliveryStatus.Pending)
        {
            return false;
        }

        _deliveries[index] = delivery with
        {
            Status = result.Accepted ? DeliveryStatus.Sent : DeliveryStatus.Failed,
            At = at,
            Error = result.Accepted ? null : result.Error,
        };
        CompleteIfNothingPending(at);
        return true;
    }

    private OutgoingMessage ToMessage(CampaignDelivery delivery) => new(
        $"campaign/{Id}/{delivery.Recipient.Kind.ToString().ToLowerInvariant()}/{delivery.Recipient.CustomerId?.Value ?? delivery.Recipient.LeadId?.Value}",
        Id,
        delivery.Recipient,
        Channel,
        delivery.Address,
        delivery.Subject,
        delivery.Body);

    private void CompleteIfNothingPending(DateTimeOffset at)
    {
        if (_deliveries.All(d => d.Status != DeliveryStatus.Pending))
        {
            Status = CampaignStatus.Completed;
            _history.Add(new CampaignChange(CampaignStatus.Completed, at, null));
        }
    }
}

/// <summary>The stored state of a <see cref="Campaign"/>.</summary>
/// <param name="Id">Identity.</param>
/// <param name="Name">Name.</param>
/// <param name="Segment">Who it targets.</param>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="Message">What it says.</param>
/// <param name="Status">Draft, sending or completed.</param>
/// <param name="History">Changes of status, oldest first.</param>
/// <param name="Deliveries">One per person messaged.</param>
public sealed record CampaignSnapshot(
    CampaignId Id,
    string Name,
    Segment Segment,
    CampaignChannel Channel,
    CampaignMessage Message,
    CampaignStatus Status,
    IReadOnlyList<CampaignChange> History,
    IReadOnlyList<CampaignDelivery> Deliveries);
