using EcoDrive.Core.Customers;

namespace EcoDrive.Erp.Invoices;

/// <summary>
/// What the application configures once for all its invoices: the seller's identity, the default payment terms, the
/// late-payment penalty rate and the time zone that dates invoices. Register it with
/// <c>services.Configure&lt;InvoicingOptions&gt;(o =&gt; o.Seller = new SellerIdentity(…))</c>; each invoice copies
/// the values at issue, so a later change never alters an issued invoice.
/// </summary>
/// <remarks>
/// The defaults are a fictitious sample seller (<see cref="SampleSeller"/>), 30 days net, a 12.15 % penalty rate and
/// <c>Europe/Paris</c>: enough for a demo, never for real invoices.
/// </remarks>
public sealed class InvoicingOptions
{
    /// <summary>The fixed compensation for recovery costs that French law adds to every late payment by a business: €40.</summary>
    public static Money FixedRecoveryFee { get; } = Money.Euros(40m);

    /// <summary>The fictitious seller the options start with, for demos and tests.</summary>
    public static SellerIdentity SampleSeller { get; } = new(
        "EcoDrive Démo SAS", new PostalAddress("1 place Bellecour", "69002", "Lyon"), "123456782", "FR11123456782");

    /// <summary>Who issues the invoices; printed on each.</summary>
    public SellerIdentity Seller { get; set; } = SampleSeller;

    /// <summary>Payment terms of an invoice when the caller gives none.</summary>
    public PaymentTerms PaymentTerms { get; set; } = PaymentTerms.Net30;

    /// <summary>
    /// Annual late-payment penalty rate in percent, printed on each invoice. French law sets a floor of three times the
    /// legal interest rate; the sample value is 12.15 %.
    /// </summary>
    public decimal LatePaymentPenaltyRate { get; set; } = 12.15m;

    /// <summary>The time zone whose calendar gives the issue date and the numbering year; <c>Europe/Paris</c> by default.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The calendar date of <paramref name="at"/> in <see cref="TimeZone"/>: an invoice issued at 00:30 in Paris on 1 January is dated and numbered in the new year.</summary>
    /// <param name="at">An instant.</param>
    public DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);

    /// <summary>The late-payment mentions to print, from these options.</summary>
    /// <exception cref="InvalidInputException"><see cref="LatePaymentPenaltyRate"/> is negative.</exception>
    public LatePaymentTerms LatePaymentTerms() => new(LatePaymentPenaltyRate, FixedRecoveryFee);
}
