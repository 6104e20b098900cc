namespace EcoDrive.Crm.Activities;

/// <summary>Port: where follow-ups are kept. Writes are staged and committed by the scope's <see cref="IUnitOfWork"/>.</summary>
public interface IFollowUpRepository
{
    /// <summary>Finds a follow-up by id.</summary>
    /// <param name="id">The follow-up's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The follow-up, or <see langword="null"/> when there is none.</returns>
    Task<FollowUp?> FindAsync(FollowUpId id, CancellationToken cancellationToken = default);

    /// <summary>The open follow-ups of a salesperson that are due before <paramref name="dueBefore"/>, soonest first.</summary>
    /// <param name="assigneeId">The salesperson.</param>
    /// <param name="dueBefore">Only those due before this time (exclusive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<FollowUp>> FindOpenByAssigneeAsync(UserId assigneeId, DateTimeOffset dueBefore, CancellationToken cancellationToken = default);

    /// <summary>Every follow-up of a customer or lead, soonest due first.</summary>
    /// <param name="party">The customer or lead.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<FollowUp>> FindByPartyAsync(PartyRef party, CancellationToken cancellationToken = default);

    /// <summary>Stages a new follow-up.</summary>
    /// <param name="followUp">The follow-up.</param>
    void Add(FollowUp followUp);

    /// <summary>Stages the changes of a follow-up read from this repository.</summary>
    /// <param name="followUp">The follow-up.</param>
    void Update(FollowUp followUp);
}
