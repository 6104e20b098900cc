namespace EcoDrive.Core.Customers;

/// <summary>One change of a customer's marketing consent, kept as history.</summary>
/// <param name="Granted">Whether the customer opted in (<see langword="true"/>) or out.</param>
/// <param name="At">When the customer said so.</param>
/// <param name="Source">Where it was collected (web form, showroom, e-mail link…).</param>
public sealed record MarketingConsent(bool Granted, DateTimeOffset At, string Source);
