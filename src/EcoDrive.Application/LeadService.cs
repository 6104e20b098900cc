using System.Runtime.CompilerServices;
using EcoDrive.Core.Access;
using EcoDrive.Core.Customers;
using EcoDrive.Crm.Campaigns;
using EcoDrive.Crm.Leads;
using EcoDrive.Application.Access;
using EcoDrive.Application.Ports;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>Use cases of the lead pipeline. Every operation checks <c>leads.manage</c> first.</summary>
public sealed class LeadService
{
    private readonly UseCaseRunner<LeadPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly IOptions<AccessOptions> _scope;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="LeadPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="scope">Data-scope rules (salespeople limited to their own leads, off by default).</param>
    public LeadService(UseCaseRunner<LeadPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<AccessOptions> scope)
    {
        _runner = runner;
        _access = access;
        _clock = clock;
        _scope = scope;
    }

    /// <summary>
    /// Captures a new lead, owned by the actor. A lead that answers a campaign is captured with
    /// <see cref="LeadSource.FromCampaign"/>, so that the campaign's conversion can be measured.
    /// </summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="contact">Contact details.</param>
    /// <param name="source">Where the lead came from.</param>
    /// <param name="interests">Product segments of interest.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new lead's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException"><c>campaign.not-found</c>: the source names a campaign that does not exist.</exception>
    public Task<LeadId> CaptureAsync(
        User actor, string firstName, string lastName, ContactDetails contact, LeadSource source,
        IEnumerable<ProductSegment> interests, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        var lead = Lead.Capture(LeadId.New(), firstName, lastName, contact, source, interests, actor.Id, _clock.GetUtcNow());
        return _runner.RunAsync(
            async ports =>
            {
                if (source.CampaignId is { } campaignId)
                {
                    _ = await ports.Campaigns.RequireAsync(campaignId, cancellationToken).ConfigureAwait(false);
                }

                ports.Leads.Add(lead);
                return lead.Id;
            },
            cancellationToken);
    }

    /// <summary>Records that the actor reached the prospect (<c>New → Contacted</c>).</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException">The lead's stage does not allow it.</exception>
    public Task ContactAsync(User actor, LeadId leadId, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.Contact(actor.Id, at), cancellationToken);

    /// <summary>Records that the prospect's need fits (<c>Contacted → Qualified</c>).</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException">The lead's stage does not allow it.</exception>
    public Task QualifyAsync(User actor, LeadId leadId, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.Qualify(actor.Id, at), cancellationToken);

    /// <summary>Records that an offer was sent (<c>Qualified → OfferSent</c>).</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException">The lead's stage does not allow it.</exception>
    public Task SendOfferAsync(User actor, LeadId leadId, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.SendOffer(actor.Id, at), cancellationToken);

    /// <summary>Records that the prospect will not buy.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException">The lead is already closed.</exception>
    public Task LoseAsync(User actor, LeadId leadId, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.Lose(reason, actor.Id, at), cancellationToken);

    /// <summary>Reopens a lost lead, back to the stage it was lost from.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException">The lead is not lost.</exception>
    public Task ReopenAsync(User actor, LeadId leadId, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.Reopen(actor.Id, at), cancellationToken);

    /// <summary>
    /// Makes a salesperson the lead's owner; the change is kept with the actor and time. The new owner must be the
    /// actor, or a user the <see cref="IUserDirectory"/> knows whose role holds <c>leads.manage</c>.
    /// </summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="salespersonId">The new owner.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="UnknownUserException"><c>user.unknown</c>: the directory does not know the new owner; nothing is written.</exception>
    /// <exception cref="UserCannotHoldWorkException"><c>user.cannot-hold-work</c>: the new owner's role lacks <c>leads.manage</c>; nothing is written.</exception>
    public Task AssignOwnerAsync(User actor, LeadId leadId, UserId salespersonId, CancellationToken cancellationToken = default) =>
        MoveAsync(
            actor,
            leadId,
            (lead, at) => lead.AssignOwner(salespersonId, actor.Id, at),
            cancellationToken,
            ports => ports.Users.RequireWorkHolderAsync(_access, actor, salespersonId, Permissions.LeadsManage, $"owner of lead {leadId}", cancellationToken));

    /// <summary>Corrects an open lead's name and contact details.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="firstName">First name.</param>
    /// <param name="lastName">Last name.</param>
    /// <param name="contact">The contact details; they replace the old ones.</param>
    /// <param name="cancellationToken">Cancels the operation; nothing is written then.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidInputException">A name is blank, too long or holds a control character.</exception>
    /// <exception cref="InvalidTransitionException"><c>lead.invalid-transition</c>: the lead is won or lost.</exception>
    public Task UpdateDetailsAsync(User actor, LeadId leadId, string firstName, string lastName, ContactDetails contact, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, _) => lead.UpdateDetails(firstName, lastName, contact), cancellationToken);

    /// <summary>Records an open lead's interest in a product segment.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException"><c>lead.invalid-transition</c>: the lead is won or lost.</exception>
    public Task AddInterestAsync(User actor, LeadId leadId, ProductSegment segment, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, _) => lead.AddInterest(segment), cancellationToken);

    /// <summary>Removes an open lead's interest in a product segment.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException"><c>lead.invalid-transition</c>: the lead is won or lost.</exception>
    public Task RemoveInterestAsync(User actor, LeadId leadId, ProductSegment segment, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, _) => lead.RemoveInterest(segment), cancellationToken);

    /// <summary>Records the prospect's opt-in to marketing, without which no campaign reaches them.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="source">Where the consent was collected.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    public Task GrantMarketingConsentAsync(User actor, LeadId leadId, string source, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.GrantMarketingConsent(at, source), cancellationToken);

    /// <summary>Records the prospect's opt-out of marketing.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="source">Where the opt-out was received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    public Task WithdrawMarketingConsentAsync(User actor, LeadId leadId, string source, CancellationToken cancellationToken = default) =>
        MoveAsync(actor, leadId, (lead, at) => lead.WithdrawMarketingConsent(at, source), cancellationToken);

    /// <summary>
    /// Wins a lead and converts it to a customer: when a customer with the same e-mail or phone exists, the lead is
    /// linked to it (no duplicate) and hands it its interests and any consent statement more recent than the
    /// customer's own; otherwise a customer is created from the lead. Either way the lead keeps the customer's id.
    /// </summary>
    /// <param name="actor">Who; needs <c>leads.manage</c> and <c>customers.write</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer the lead became.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks a permission.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidTransitionException">The lead's stage does not allow winning it.</exception>
    public Task<CustomerId> WinAsync(User actor, LeadId leadId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        _access.Demand(actor, Permissions.CustomersWrite);
        return _runner.RunAsync(
            async ports =>
            {
                var leads = ports.Leads;
                var customers = ports.Customers;
                var lead = InScope(actor, await leads.RequireAsync(leadId, cancellationToken).ConfigureAwait(false));
                var now = _clock.GetUtcNow();
                var customer = await customers.FindByContactAsync(lead.ContactDetails, cancellationToken).ConfigureAwait(false);
                if (customer is null)
                {
                    customer = lead.ToNewCustomer(CustomerId.New(), now);
                    customers.Add(customer);
                }
                else
                {
                    foreach (var segment in lead.Interests)
                    {
                        customer.AddInterest(segment);
                    }

                    lead.CarryConsentTo(customer);
                    customers.Update(customer);
                }

                lead.Win(customer.Id, actor.Id, now);
                leads.Update(lead);
                return customer.Id;
            },
            cancellationToken);
    }

    /// <summary>Reads a lead; the contact details only for a reader who holds <c>customers.read-contact</c>.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="leadId">The lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The lead's state; without <c>customers.read-contact</c> its contact is <see cref="ContactDetails.None"/> and
    /// <see cref="LeadSnapshot.ContactRedacted"/> is set.
    /// </returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such lead.</exception>
    public Task<LeadSnapshot> GetAsync(User actor, LeadId leadId, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        var redaction = ContactRedaction.For(actor, _access);
        return _runner.RunAsync(
            async ports => redaction.Apply(InScope(actor, await ports.Leads.RequireAsync(leadId, cancellationToken).ConfigureAwait(false)).ToSnapshot()),
            cancellationToken);
    }

    /// <summary>Refuses a lead outside the actor's data scope (<see cref="AccessOptions"/>).</summary>
    private Lead InScope(User actor, Lead lead) =>
        _scope.Value.SalespeopleSeeOnlyOwnAndUnassignedLeads && actor.Role == Role.Salesperson && lead.OwnerId is { } owner && owner != actor.Id
            ? throw new OutOfScopeException(actor, $"lead {lead.Id}", "salespeople see their own and unassigned leads")
            : lead;

    /// <summary>Reads the lead, runs <paramref name="check"/> (which may refuse) and then <paramref name="move"/>, and writes the lead.</summary>
    private Task MoveAsync(
        User actor,
        LeadId leadId,
        Action<Lead, DateTimeOffset> move,
        CancellationToken cancellationToken,
        Func<LeadPorts, Task>? check = null,
        [CallerMemberName] string useCase = "")
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync(
            async ports =>
            {
                var leads = ports.Leads;
                var lead = InScope(actor, await leads.RequireAsync(leadId, cancellationToken).ConfigureAwait(false));
                if (check is not null)
                {
                    await check(ports).ConfigureAwait(false);
                }

                move(lead, _clock.GetUtcNow());
                leads.Update(lead);
            },
            cancellationToken,
            useCase);
    }
}
