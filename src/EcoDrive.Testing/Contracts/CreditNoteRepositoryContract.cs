using EcoDrive.Erp.Invoices;

namespace EcoDrive.Testing;

/// <summary>The contract of <see cref="ICreditNoteRepository"/>: derive it and implement <see cref="StorageContract.BuildServicesAsync"/>.</summary>
public abstract class CreditNoteRepositoryContract : StorageContract
{
    /// <summary>A credit note reads back as issued, and the credited invoice remembers it.</summary>
    [StorageFact]
    public async Task Add_WithTheCreditedInvoice_ReadsBackBoth()
    {
        var invoice = TestData.Invoice(TestData.Customer(), new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), TestData.Start, (TestData.Product(ProductSegment.Suv), 2));
        await AddAsync(scope => Get<IInvoiceRepository>(scope).Add(invoice));

        var creditNote = await InScopeAsync(async scope =>
        {
            var stored = (await Get<IInvoiceRepository>(scope).FindAsync(invoice.Id))!;
            var note = TestData.CreditNote(stored, new InvoiceNumber(InvoiceSeries.CreditNote, 2026, 1), TestData.Start.AddDays(3));
            Get<ICreditNoteRepository>(scope).Add(note);
            Get<IInvoiceRepository>(scope).Update(stored);
            return note;
        });

        var found = await ReadAsync(scope => Get<ICreditNoteRepository>(scope).FindAsync(creditNote.Id));
        Assert.Equal(Json(creditNote.ToSnapshot()), Json(found!.ToSnapshot()));
        Assert.Equal([creditNote.Id], (await ReadAsync(scope => Get<ICreditNoteRepository>(scope).ListForInvoiceAsync(invoice.Id))).Select(c => c.Id));
        Assert.Empty(await ReadAsync(scope => Get<ICreditNoteRepository>(scope).ListForInvoiceAsync(InvoiceId.New())));
        Assert.Single((await ReadAsync(scope => Get<IInvoiceRepository>(scope).FindAsync(invoice.Id)))!.Credits);
    }
}
