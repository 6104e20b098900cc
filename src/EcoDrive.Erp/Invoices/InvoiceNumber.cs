using System.Globalization;
using System.Text.Json.Serialization;

namespace EcoDrive.Erp.Invoices;

/// <summary>
/// A legal invoice number: a series, the year, and a sequence that is continuous within the series and year
/// (no gap, no duplicate). Printed <c>FA-2026-000123</c>.
/// </summary>
/// <param name="Series">The series prefix: <see cref="InvoiceSeries.Invoice"/> or <see cref="InvoiceSeries.CreditNote"/>.</param>
/// <param name="Year">The year the numbering runs in.</param>
/// <param name="Sequence">The sequence number within series and year, from 1.</param>
[JsonConverter(typeof(InvoiceNumberJsonConverter))]
public readonly record struct InvoiceNumber(string Series, int Year, long Sequence)
{
    /// <summary>The printed number: series, year and at least six digits (<c>FA-2026-000123</c>).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Series}-{Year:D4}-{Sequence:D6}");
}

/// <summary>The numbering series.</summary>
public static class InvoiceSeries
{
    /// <summary>Invoices (French: factures), <c>FA</c>.</summary>
    public const string Invoice = "FA";

    /// <summary>Credit notes (French: avoirs), <c>AV</c>.</summary>
    public const string CreditNote = "AV";
}
