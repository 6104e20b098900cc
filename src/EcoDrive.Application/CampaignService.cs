using EcoDrive.Core.Access;
using EcoDrive.Crm;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Crm.Orders;
using EcoDrive.Application.Ports;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>
/// Targeted campaigns (the brief's "promo ciblée aux clients intéressés par les SUV"): creating one, previewing its
/// audience, launching it (the audience is fixed and the messages rendered), sending its messages through the
/// <see cref="IMessageSender"/> port, and reporting its results. Every operation checks <c>campaigns.manage</c> first.
/// </summary>
public sealed class CampaignService
{
    private readonly UseCaseRunner<CampaignPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly IMessageSender? _sender;
    private readonly int _sendBatchSize;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c> and a storage adapter) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="CampaignPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">How many messages are sent between two records of their outcome (<see cref="CampaignOptions.SendBatchSize"/>).</param>
    /// <param name="sender">
    /// Sends the messages (a singleton). The SQL storage adapters register none: without one, campaigns are created,
    /// previewed and launched, and <see cref="SendPendingAsync"/> refuses to send, saying what to register.
    /// </param>
    public CampaignService(UseCaseRunner<CampaignPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<CampaignOptions> options, IMessageSender? sender = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _access = access;
        _clock = clock;
        _sendBatchSize = options.Value.SendBatchSize;
        _sender = sender;
    }

    /// <summary>Prepares a campaign (draft); nothing is sent yet.</summary>
    /// <param name="actor">Who; needs <c>campaigns.manage</c>.</param>
    /// <param name="name">Its name.</param>
    /// <param name="segment">Who it targets.</param>
    /// <param name="channel">E-mail or SMS.</param>
    /// <param name="message">What it says (<see cref="CampaignMessage.Create"/> checks the templates).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The campaign's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>campaigns.manage</c>.</exception>
    /// <exception cref="InvalidInputException">The name is blank, or the subject does not fit the channel.</exception>
    public Task<CampaignId> CreateAsync(
        User actor, string name, Segment segment, CampaignChannel channel, CampaignMessage message, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CampaignsManage);
        var campaign = Campaign.Create(CampaignId.New(), name, segment, channel, message, actor.Id, _clock.GetUtcNow());
        return _runner.RunAsync(
            ports =>
            {
                ports.Campaigns.Add(campaign);
                return Task.FromResult(campaign.Id);
            },
            cancellationToken);
    }

    /// <summary>Who the campaign would reach if launched now, as counts (no personal data): matched, left out for lack of consent, as duplicates, as unreachable.</summary>
    /// <param name="actor">Who; needs <c>campaigns.manage</c>.</param>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>campaigns.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such campaign.</exception>
    public Task<AudienceCounts> PreviewAudienceAsync(User actor, CampaignId campaignId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CampaignsManage);
        return _runner.RunAsync(
            async ports =>
            {
                var campaign = await ports.Campaigns.RequireAsync(campaignId, cancellationToken).ConfigureAwait(false);
                return (await ResolveAudienceAsync(ports, campaign, cancellationToken).ConfigureAwait(false)).Counts;
            },
            cancellationToken);
    }

    /// <summary>
    /// Launches a draft campaign: resolves its audience now (consenting people only, once each) and records one
    /// pending message per recipient. Send them with <see cref="SendPendingAsync"/>.
    /// </summary>
    /// <param name="actor">Who; needs <c>campaigns.manage</c>.</param>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The audience's counts.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>campaigns.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such campaign.</exception>
    /// <exception cref="InvalidTransitionException"><c>campaign.invalid-transition</c>: it was already launched.</exception>
    public Task<AudienceCounts> LaunchAsync(User actor, CampaignId campaignId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CampaignsManage);
        return _runner.RunAsync(
            async ports =>
            {
                var campaigns = ports.Campaigns;
                var campaign = await campaigns.RequireAsync(campaignId, cancellationToken).ConfigureAwait(false);
                var audience = await ResolveAudienceAsync(ports, campaign, cancellationToken).ConfigureAwait(false);
                campaign.Launch(audience.Recipients, actor.Id, _clock.GetUtcNow());
                campaigns.Update(campaign);
                return audience.Counts;
            },
            cancellationToken);
    }

    /// <summary>
    /// Sends a launched campaign's pending messages through the <see cref="IMessageSender"/>, in batches, recording
    /// each one's outcome (sent or failed). Sending happens outside any unit of work, so a retried commit never sends
    /// twice; after a crash between sending and recording, the next call sends those messages again with the same
    /// <see cref="OutgoingMessage.MessageId"/>, which a provider can ignore.
    /// </summary>
    /// <param name="actor">Who; needs <c>campaigns.manage</c>.</param>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Stops between two messages; what was sent and not recorded is sent again next time.</param>
    /// <returns>The campaign's report after sending.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>campaigns.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such campaign.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="IMessageSender"/> is registered; nothing was sent or recorded.</exception>
    public async Task<CampaignReport> SendPendingAsync(User actor, CampaignId campaignId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CampaignsManage);
        var sender = _sender ?? throw new InvalidOperationException(
            $"Campaign messages cannot be sent: no {nameof(IMessageSender)} is registered. Register your e-mail and SMS provider's sender " +
            $"with services.AddSingleton<{nameof(IMessageSender)}, YourSender>() (the in-memory adapter registers a recording one).");
        while (true)
        {
            var batch = await _runner.RunAsync(
                async ports => (await ports.Campaigns.RequireAsync(campaignId, cancellationToken).ConfigureAwait(false)).PendingMessages(_sendBatchSize),
                cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return await GetReportAsync(actor, campaignId, cancellationToken).ConfigureAwait(false);
            }

            var outcomes = new List<(PartyRef Recipient, SendResult Result, DateTimeOffset At)>();
            foreach (var message in batch)
            {
                outcomes.Add((message.Recipient, await SendAsync(sender, message, cancellationToken).ConfigureAwait(false), _clock.GetUtcNow()));
            }

            await _runner.RunAsync(
                async ports =>
                {
                    var campaigns = ports.Campaigns;
                    var campaign = await campaigns.RequireAsync(campaignId, cancellationToken).ConfigureAwait(false);
                    foreach (var (recipient, result, at) in outcomes)
                    {
                        campaign.RecordDelivery(recipient, result, at);
                    }

                    campaigns.Update(campaign);
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A campaign's results: deliveries (without addresses), leads that answered it and how many were won.</summary>
    /// <param name="actor">Who; needs <c>campaigns.manage</c>.</param>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>campaigns.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such campaign.</exception>
    public Task<CampaignReport> GetReportAsync(User actor, CampaignId campaignId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.CampaignsManage);
        return _runner.RunAsync(
            async ports => CampaignReport.Of(
                await ports.Campaigns.RequireAsync(campaignId, cancellationToken).ConfigureAwait(false),
                await ports.Leads.FindByCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false)),
            cancellationToken);
    }

    private static async Task<AudienceResolution> ResolveAudienceAsync(CampaignPorts ports, Campaign campaign, CancellationToken cancellationToken)
    {
        var views = ports.OrderViews;
        var candidates = new List<AudienceCandidate>();
        foreach (var customer in await ports.CustomerDirectory.FindAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var lastPurchase = campaign.Segment.UsesPurchaseHistory
                ? OrderView.LastPurchaseAt(await views.FindByCustomerAsync(customer.Id, cancellationToken).ConfigureAwait(false))
                : null;
            candidates.Add(AudienceCandidate.FromCustomer(customer, lastPurchase));
        }

        candidates.AddRange((await ports.Leads.FindProspectsAsync(cancellationToken).ConfigureAwait(false)).Select(AudienceCandidate.FromLead));
        return Audience.Resolve(campaign.Segment, candidates, campaign.Channel);
    }

    private static async Task<SendResult> SendAsync(IMessageSender sender, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A provider that throws instead of answering Failed still must not stop the campaign or lose the outcome.
            return SendResult.Failed($"{error.GetType().Name}: {error.Message}");
        }
    }
}
