using EcoDrive.Erp.Invoices;

namespace EcoDrive.Application.Import;

/// <summary>What one imported batch stored.</summary>
/// <param name="Customers">Customers written.</param>
/// <param name="Leads">Leads written.</param>
/// <param name="Orders">Orders written (each as the CRM's view and the ERP's order).</param>
/// <param name="Invoices">Invoices issued and written.</param>
/// <param name="InvoiceNumbers">The blocks of numbers the invoices took, one per numbering year.</param>
public sealed record HistoryImportReport(int Customers, int Leads, int Orders, int Invoices, IReadOnlyList<InvoiceNumberBlock> InvoiceNumbers)
{
    /// <summary>Nothing stored yet.</summary>
    public static HistoryImportReport Empty { get; } = new(0, 0, 0, 0, []);

    /// <summary>The rows written: one per customer, lead and invoice, two per order (CRM and ERP).</summary>
    public int Rows => Customers + Leads + (2 * Orders) + Invoices;

    /// <summary>This report and <paramref name="other"/> together: the counts added, the blocks of both.</summary>
    /// <param name="other">The report of another batch.</param>
    public HistoryImportReport Add(HistoryImportReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Customers + other.Customers, Leads + other.Leads, Orders + other.Orders, Invoices + other.Invoices, [.. InvoiceNumbers, .. other.InvoiceNumbers]);
    }
}
