using EcoDrive.Erp.Invoices;

namespace EcoDrive.Integration.Import;

/// <summary>What one imported batch stored.</summary>
/// <param name="Customers">Customers written.</param>
/// <param name="Leads">Leads written.</param>
/// <param name="Orders">Orders written (each as the CRM's view and the ERP's order).</param>
/// <param name="Invoices">Invoices issued and written.</param>
/// <param name="InvoiceNumbers">The blocks of numbers the invoices took, one per numbering year.</param>
public sealed record HistoryImportReport(int Customers, int Leads, int Orders, int Invoices, IReadOnlyList<InvoiceNumberBlock> InvoiceNumbers)
{
    /// <summary>The rows written: one per customer, lead and invoice, two per order (CRM and ERP).</summary>
    public int Rows => Customers + Leads + (2 * Orders) + Invoices;
}
