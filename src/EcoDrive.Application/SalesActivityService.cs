using EcoDrive.Core.Access;
using EcoDrive.Crm;
using EcoDrive.Crm.Activities;
using EcoDrive.Application.Ports;
using Microsoft.Extensions.Options;

namespace EcoDrive.Application;

/// <summary>
/// A salesperson's day-to-day work with customers and leads: interactions (calls, e-mails, visits, test drives,
/// meetings) and follow-ups (relances) with their due and overdue lists. Every operation checks
/// <c>leads.manage</c> first.
/// </summary>
public sealed class SalesActivityService
{
    private readonly UseCaseRunner<SalesActivityPorts> _runner;
    private readonly IAccessPolicy _access;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _agendaHorizon;

    /// <summary>Creates the service; resolve it from DI (<c>AddEcoDrive</c>) rather than by hand.</summary>
    /// <param name="runner">Runs each operation in its own unit of work, with a fresh <see cref="SalesActivityPorts"/> (the ports it uses).</param>
    /// <param name="access">Decides what the caller may do.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">How far ahead <see cref="GetAgendaAsync"/> lists due follow-ups unless told otherwise (<see cref="SalesActivityOptions.AgendaHorizon"/>).</param>
    public SalesActivityService(UseCaseRunner<SalesActivityPorts> runner, IAccessPolicy access, TimeProvider clock, IOptions<SalesActivityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _access = access;
        _clock = clock;
        _agendaHorizon = options.Value.AgendaHorizon;
    }

    /// <summary>Logs an interaction the actor had with a customer or a lead.</summary>
    /// <param name="actor">Who had it; needs <c>leads.manage</c>.</param>
    /// <param name="party">The customer or lead.</param>
    /// <param name="kind">Call, e-mail, visit, test drive or meeting.</param>
    /// <param name="note">What was said or agreed, if anything.</param>
    /// <param name="at">When it happened; now when <see langword="null"/> (interactions are often logged afterwards).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interaction's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer or lead.</exception>
    public Task<InteractionId> LogInteractionAsync(
        User actor, PartyRef party, InteractionKind kind, string? note = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        var interaction = Interaction.Log(InteractionId.New(), party, kind, actor.Id, at ?? _clock.GetUtcNow(), note);
        return _runner.RunAsync(
            async ports =>
            {
                await RepositoryExtensions.RequirePartyAsync(ports.Customers, ports.Leads, party, cancellationToken).ConfigureAwait(false);
                ports.Interactions.Add(interaction);
                return interaction.Id;
            },
            cancellationToken);
    }

    /// <summary>Every interaction with a customer or a lead, oldest first.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="party">The customer or lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    public Task<IReadOnlyList<Interaction>> ListInteractionsAsync(User actor, PartyRef party, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync(
            ports => ports.Interactions.FindByPartyAsync(party, cancellationToken),
            cancellationToken);
    }

    /// <summary>Plans a follow-up of a customer or a lead.</summary>
    /// <param name="actor">Who plans it; needs <c>leads.manage</c>.</param>
    /// <param name="party">The customer or lead.</param>
    /// <param name="dueAt">When it is due.</param>
    /// <param name="purpose">What to do.</param>
    /// <param name="assigneeId">
    /// The salesperson who must do it; the actor when <see langword="null"/>. Someone else must be known to the
    /// <see cref="IUserDirectory"/> and hold <c>leads.manage</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The follow-up's id.</returns>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such customer or lead.</exception>
    /// <exception cref="UnknownUserException"><c>user.unknown</c>: the directory does not know the assignee; nothing is written.</exception>
    /// <exception cref="UserCannotHoldWorkException"><c>user.cannot-hold-work</c>: the assignee's role lacks <c>leads.manage</c>; nothing is written.</exception>
    /// <exception cref="InvalidInputException"><paramref name="purpose"/> is blank.</exception>
    public Task<FollowUpId> ScheduleFollowUpAsync(
        User actor, PartyRef party, DateTimeOffset dueAt, string purpose, UserId? assigneeId = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        var followUp = FollowUp.Schedule(FollowUpId.New(), party, assigneeId ?? actor.Id, dueAt, purpose, actor.Id, _clock.GetUtcNow());
        return _runner.RunAsync(
            async ports =>
            {
                await RepositoryExtensions.RequirePartyAsync(ports.Customers, ports.Leads, party, cancellationToken).ConfigureAwait(false);
                await ports.Users.RequireWorkHolderAsync(_access, actor, followUp.AssigneeId, Permissions.LeadsManage, $"assignee of follow-up {followUp.Id}", cancellationToken).ConfigureAwait(false);
                ports.FollowUps.Add(followUp);
                return followUp.Id;
            },
            cancellationToken);
    }

    /// <summary>Records that a follow-up was done.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="followUpId">The follow-up.</param>
    /// <param name="outcome">What came of it, if noted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such follow-up.</exception>
    /// <exception cref="InvalidTransitionException"><c>follow-up.invalid-transition</c>: it is already done or cancelled.</exception>
    public Task CompleteFollowUpAsync(User actor, FollowUpId followUpId, string? outcome = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, followUpId, (f, at) => f.Complete(actor.Id, at, outcome), cancellationToken);

    /// <summary>Moves a follow-up's due time.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="followUpId">The follow-up.</param>
    /// <param name="dueAt">The new due time.</param>
    /// <param name="reason">Why, if given.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such follow-up.</exception>
    /// <exception cref="InvalidTransitionException"><c>follow-up.invalid-transition</c>: it is already done or cancelled.</exception>
    public Task RescheduleFollowUpAsync(User actor, FollowUpId followUpId, DateTimeOffset dueAt, string? reason = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, followUpId, (f, at) => f.Reschedule(dueAt, actor.Id, at, reason), cancellationToken);

    /// <summary>Cancels a follow-up.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="followUpId">The follow-up.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="EntityNotFoundException">No such follow-up.</exception>
    /// <exception cref="InvalidInputException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidTransitionException"><c>follow-up.invalid-transition</c>: it is already done or cancelled.</exception>
    public Task CancelFollowUpAsync(User actor, FollowUpId followUpId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, followUpId, (f, at) => f.Cancel(reason, actor.Id, at), cancellationToken);

    /// <summary>Every follow-up of a customer or a lead, soonest due first.</summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="party">The customer or lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    public Task<IReadOnlyList<FollowUpSnapshot>> ListFollowUpsAsync(User actor, PartyRef party, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync<IReadOnlyList<FollowUpSnapshot>>(
            async ports => [.. (await ports.FollowUps.FindByPartyAsync(party, cancellationToken).ConfigureAwait(false)).Select(f => f.ToSnapshot())],
            cancellationToken);
    }

    /// <summary>
    /// A salesperson's follow-up agenda as of now (from the <see cref="TimeProvider"/>): the overdue ones, and the
    /// ones due within <paramref name="horizon"/>.
    /// </summary>
    /// <param name="actor">Who; needs <c>leads.manage</c>.</param>
    /// <param name="salespersonId">Whose agenda.</param>
    /// <param name="horizon">How far ahead to list due follow-ups; the configured <see cref="SalesActivityOptions.AgendaHorizon"/> (one day by default) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="PermissionDeniedException">The actor lacks <c>leads.manage</c>.</exception>
    /// <exception cref="InvalidInputException"><paramref name="horizon"/> is negative.</exception>
    public Task<FollowUpAgenda> GetAgendaAsync(User actor, UserId salespersonId, TimeSpan? horizon = null, CancellationToken cancellationToken = default)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        InvalidInputException.ThrowIfLessThan(horizon ?? TimeSpan.Zero, TimeSpan.Zero, nameof(horizon));
        var asOf = _clock.GetUtcNow();
        var dueUntil = asOf + (horizon ?? _agendaHorizon);
        return _runner.RunAsync(
            async ports => FollowUpAgenda.Of(
                salespersonId,
                await ports.FollowUps.FindOpenByAssigneeAsync(salespersonId, dueUntil, cancellationToken).ConfigureAwait(false),
                asOf,
                dueUntil),
            cancellationToken);
    }

    private Task ChangeAsync(User actor, FollowUpId followUpId, Action<FollowUp, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        _access.Demand(actor, Permissions.LeadsManage);
        return _runner.RunAsync(
            async ports =>
            {
                var followUps = ports.FollowUps;
                var followUp = await followUps.RequireAsync(followUpId, cancellationToken).ConfigureAwait(false);
                change(followUp, _clock.GetUtcNow());
                followUps.Update(followUp);
            },
            cancellationToken);
    }
}
