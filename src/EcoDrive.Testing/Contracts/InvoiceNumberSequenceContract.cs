using System.Collections.Concurrent;
using System.Diagnostics;
using EcoDrive.Erp.Invoices;

namespace EcoDrive.Testing;

/// <summary>
/// The contract of <see cref="IInvoiceNumberSequence"/>: numbers continuous per series and year (no gap, no duplicate),
/// used only by units of work that commit, and in the order of issue even under concurrent issue. Derive it and
/// implement <see cref="StorageContract.BuildServicesAsync"/>.
/// </summary>
public abstract class InvoiceNumberSequenceContract : StorageContract
{
    /// <summary>The first number of a series in a year is 1, and the next 2.</summary>
    [StorageFact]
    public async Task Next_InANewSeriesAndYear_StartsAtOne()
    {
        Assert.Equal(new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), await NextAsync(InvoiceSeries.Invoice, 2026));
        Assert.Equal(new InvoiceNumber(InvoiceSeries.Invoice, 2026, 2), await NextAsync(InvoiceSeries.Invoice, 2026));
    }

    /// <summary>Each series and each year counts on its own.</summary>
    [StorageFact]
    public async Task Next_PerSeriesAndYear_CountsSeparately()
    {
        await NextAsync(InvoiceSeries.Invoice, 2026);
        await NextAsync(InvoiceSeries.Invoice, 2026);

        Assert.Equal(1, (await NextAsync(InvoiceSeries.CreditNote, 2026)).Sequence);
        Assert.Equal(1, (await NextAsync(InvoiceSeries.Invoice, 2027)).Sequence);
        Assert.Equal(3, (await NextAsync(InvoiceSeries.Invoice, 2026)).Sequence);
    }

    /// <summary>A number taken by a unit of work that never commits is not used: the next one gets it.</summary>
    [StorageFact]
    public async Task Next_RolledBack_UsesNoNumber()
    {
        await using (var abandoned = NewScope())
        {
            await Get<IInvoiceNumberSequence>(abandoned).NextAsync(InvoiceSeries.Invoice, 2026);
        }

        Assert.Equal(1, (await NextAsync(InvoiceSeries.Invoice, 2026)).Sequence);
        Assert.Equal(2, (await NextAsync(InvoiceSeries.Invoice, 2026)).Sequence);
    }

    /// <summary>The number and the invoice that carries it commit together.</summary>
    [StorageFact]
    public async Task Next_WithTheInvoiceInOneUnitOfWork_CommitsBoth()
    {
        var customer = TestData.Customer();
        var product = TestData.Product(ProductSegment.Suv);

        var invoiceId = await InScopeAsync(async scope =>
        {
            var number = await Get<IInvoiceNumberSequence>(scope).NextAsync(InvoiceSeries.Invoice, 2026);
            var invoice = TestData.Invoice(customer, number, TestData.Start, (product, 1));
            Get<IInvoiceRepository>(scope).Add(invoice);
            return invoice.Id;
        });

        var stored = await ReadAsync(scope => Get<IInvoiceRepository>(scope).FindAsync(invoiceId));
        Assert.Equal(new InvoiceNumber(InvoiceSeries.Invoice, 2026, 1), stored!.Number);
        Assert.Equal(2, (await NextAsync(InvoiceSeries.Invoice, 2026)).Sequence);
    }

    /// <summary>
    /// 1,000 numbers taken by 16 concurrent units of work that retry when they lose a race: 1…1000, no gap, no
    /// duplicate, and in the order in which they were issued (the time each was taken).
    /// </summary>
    [StorageFact]
    public async Task Next_1000From16Connections_GivesOneToThousandInIssueOrder()
    {
        var issued = new ConcurrentBag<(long Sequence, long IssuedAt)>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, 1000),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, cancellationToken) => issued.Add(await WithRetryAsync(
                async scope =>
                {
                    var number = await Get<IInvoiceNumberSequence>(scope).NextAsync(InvoiceSeries.Invoice, 2026, cancellationToken);
                    return (number.Sequence, Stopwatch.GetTimestamp());
                },
                cancellationToken)));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), issued.OrderBy(i => i.IssuedAt).Select(i => i.Sequence));
    }

    /// <summary>A blank series is refused.</summary>
    [StorageFact]
    public async Task Next_BlankSeries_Throws()
    {
        await using var scope = NewScope();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Get<IInvoiceNumberSequence>(scope).NextAsync(" ", 2026));
    }

    private Task<InvoiceNumber> NextAsync(string series, int year) =>
        InScopeAsync(scope => Get<IInvoiceNumberSequence>(scope).NextAsync(series, year));
}
