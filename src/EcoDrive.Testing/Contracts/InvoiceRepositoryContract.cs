using EcoDrive.Core.Customers;
using EcoDrive.Erp.Invoices;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="IInvoiceRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class InvoiceRepositoryContract : StorageContract
{
    /// <summary>A committed invoice reads back with its number, lines, billing identity and VAT.</summary>
    [StorageFact]
    public async Task Add_ThenFind_ReturnsTheSameState()
    {
        var invoice = NewInvoice(7);
        await AddAsync(scope => Get<IInvoiceRepository>(scope).Add(invoice));

        var found = (await ReadAsync(scope => Get<IInvoiceRepository>(scope).FindAsync(invoice.Id)))!;

        Assert.Equal(Json(invoice.ToSnapshot()), Json(found.ToSnapshot()));
        Assert.Equal("FA-2026-000007", found.Number.ToString());
        Assert.Equal(invoice.Total, found.Total);
        Assert.Null(await ReadAsync(scope => Get<IInvoiceRepository>(scope).FindAsync(InvoiceId.New())));
    }

    /// <summary>A payment recorded in one unit of work is what a later one reads.</summary>
    [StorageFact]
    public async Task Update_WithAPayment_KeepsIt()
    {
        var invoice = NewInvoice(1);
        await AddAsync(scope => Get<IInvoiceRepository>(scope).Add(invoice));

        await InScopeAsync(async scope =>
        {
            var invoices = Get<IInvoiceRepository>(scope);
            var stored = (await invoices.FindAsync(invoice.Id))!;
            stored.RecordPayment(Money.Euros(1_000m), TestData.Start.AddDays(2), "VIR-1");
            invoices.Update(stored);
        });

        var found = (await ReadAsync(scope => Get<IInvoiceRepository>(scope).FindAsync(invoice.Id)))!;
        Assert.Equal(Money.Euros(1_000m), found.AmountPaid);
        Assert.Equal("VIR-1", Assert.Single(found.Payments).Reference);
    }

    /// <summary>Two payments from the same read: the second is refused, so a stale balance can never let an overpayment through.</summary>
    [StorageFact]
    public async Task Update_StaleWrite_IsRefused()
    {
        var invoice = NewInvoice(1);
        await AddAsync(scope => Get<IInvoiceRepository>(scope).Add(invoice));

        await AssertStaleWriteIsRefusedAsync<IInvoiceRepository, Invoice>(
            invoices => invoices.FindAsync(invoice.Id),
            (i, writer) => i.RecordPayment(i.Balance, TestData.Start.AddDays(writer), $"VIR-{writer}"),
            (invoices, i) => invoices.Update(i),
            i => Json(i.ToSnapshot()));
    }

    private static Invoice NewInvoice(long sequence) =>
        TestData.Invoice(
            TestData.Customer(),
            new InvoiceNumber(InvoiceSeries.Invoice, 2026, sequence),
            TestData.Start.AddDays(1),
            (TestData.Product(ProductSegment.Suv), 1),
            (TestData.Product(ProductSegment.Utility, 28_500.35m), 2));

    /// <summary>Invoices in number order, all or by settlement; and the overdue ones, soonest due first.</summary>
    [StorageFact]
    public async Task ListAndListOverdue_ReturnTheMatchingInvoices()
    {
        var paid = NewInvoice(2);
        paid.RecordPayment(paid.Total, TestData.Start.AddDays(2));
        var unpaid = NewInvoice(1);
        var partly = NewInvoice(3);
        partly.RecordPayment(Money.Euros(100m), TestData.Start.AddDays(2));
        await AddAsync(scope =>
        {
            foreach (var invoice in new[] { paid, unpaid, partly })
            {
                Get<IInvoiceRepository>(scope).Add(invoice);
            }
        });
        var afterDue = unpaid.DueDate.AddDays(1);

        Assert.Equal([unpaid.Id, paid.Id, partly.Id], (await ReadAsync(scope => Get<IInvoiceRepository>(scope).ListAsync())).Select(i => i.Id));
        Assert.Equal([unpaid.Id], (await ReadAsync(scope => Get<IInvoiceRepository>(scope).ListAsync(InvoiceSettlement.Unpaid))).Select(i => i.Id));
        Assert.Equal([unpaid.Id, partly.Id], (await ReadAsync(scope => Get<IInvoiceRepository>(scope).ListOverdueAsync(afterDue))).Select(i => i.Id));
        Assert.Empty(await ReadAsync(scope => Get<IInvoiceRepository>(scope).ListOverdueAsync(unpaid.DueDate)));
    }
}
