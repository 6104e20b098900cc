namespace EcoDrive.Crm.Activities;

/// <summary>
/// A salesperson's open follow-ups as of a time: the overdue ones (due before it) and the ones due from it until
/// a horizon, each list soonest due first.
/// </summary>
/// <param name="SalespersonId">Whose agenda it is.</param>
/// <param name="AsOf">The time it was computed for.</param>
/// <param name="DueUntil">The end of the "due" window (exclusive).</param>
/// <param name="Overdue">Open follow-ups due before <paramref name="AsOf"/>.</param>
/// <param name="Due">Open follow-ups due from <paramref name="AsOf"/> (inclusive) until <paramref name="DueUntil"/> (exclusive).</param>
public sealed record FollowUpAgenda(
    UserId SalespersonId,
    DateTimeOffset AsOf,
    DateTimeOffset DueUntil,
    IReadOnlyList<FollowUpSnapshot> Overdue,
    IReadOnlyList<FollowUpSnapshot> Due)
{
    /// <summary>Sorts a salesperson's follow-ups into overdue and due as of <paramref name="asOf"/>; the others (done, cancelled, due later, someone else's) are left out.</summary>
    /// <param name="salespersonId">Whose agenda.</param>
    /// <param name="followUps">Candidate follow-ups.</param>
    /// <param name="asOf">The time to judge at.</param>
    /// <param name="dueUntil">The end of the "due" window; not before <paramref name="asOf"/>.</param>
    /// <exception cref="InvalidInputException"><paramref name="dueUntil"/> is before <paramref name="asOf"/>.</exception>
    public static FollowUpAgenda Of(UserId salespersonId, IEnumerable<FollowUp> followUps, DateTimeOffset asOf, DateTimeOffset dueUntil)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        InvalidInputException.ThrowIfLessThan(dueUntil, asOf);
        var open = followUps
            .Where(f => f.AssigneeId == salespersonId && f.Status == FollowUpStatus.Open && f.DueAt < dueUntil)
            .OrderBy(f => f.DueAt)
            .ThenBy(f => f.Id.Value)
            .ToArray();
        return new FollowUpAgenda(
            salespersonId,
            asOf,
            dueUntil,
            [.. open.Where(f => f.IsOverdueAsOf(asOf)).Select(f => f.ToSnapshot())],
            [.. open.Where(f => !f.IsOverdueAsOf(asOf)).Select(f => f.ToSnapshot())]);
    }
}
