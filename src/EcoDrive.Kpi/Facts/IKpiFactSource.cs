namespace EcoDrive.Kpi;

/// <summary>
/// Port through which the KPIs read their facts from storage. Each EcoDrive storage adapter implements it; an integrator
/// whose orders, leads or invoices live elsewhere implements it over their own system.
/// </summary>
/// <remarks>
/// Every method takes a half-open UTC range [<c>fromInclusive</c>, <c>toExclusive</c>) of instants, usually
/// <see cref="ReportingPeriod.UtcStart"/> and <see cref="ReportingPeriod.UtcEnd"/>. An implementation may return facts
/// outside the range (the calculators ignore them) but must not leave out any inside it.
/// </remarks>
public interface IKpiFactSource
{
    /// <summary>The orders whose <see cref="OrderFact.SubmittedAt"/> is in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>), whatever their current status.</summary>
    /// <param name="fromInclusive">First instant of the range.</param>
    /// <param name="toExclusive">First instant after the range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order facts, in any order.</returns>
    Task<IReadOnlyList<OrderFact>> GetOrderFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default);

    /// <summary>The leads whose <see cref="LeadFact.CreatedAt"/> is in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>), with their current won/lost times.</summary>
    /// <param name="fromInclusive">First instant of the range.</param>
    /// <param name="toExclusive">First instant after the range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lead facts, in any order.</returns>
    Task<IReadOnlyList<LeadFact>> GetLeadFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default);

    /// <summary>
    /// The invoice lines and credit-note lines whose <see cref="RevenueFact.IssuedAt"/> is in
    /// [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>); credit-note lines have a negative net amount.
    /// </summary>
    /// <param name="fromInclusive">First instant of the range.</param>
    /// <param name="toExclusive">First instant after the range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revenue facts, in any order.</returns>
    Task<IReadOnlyList<RevenueFact>> GetRevenueFactsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken = default);
}
