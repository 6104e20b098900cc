namespace EcoDrive.Erp.Invoices;

/// <summary>
/// A run of consecutive invoice numbers reserved at once, in the transaction of the invoices that will carry them (an
/// import of past invoices): <see cref="First"/> to <see cref="Last"/> in one series and year. Like a single number,
/// the block is used only if that transaction commits, so numbering stays continuous.
/// </summary>
public sealed record InvoiceNumberBlock
{
    /// <summary>Creates a block.</summary>
    /// <param name="series">The series (<see cref="InvoiceSeries.Invoice"/>).</param>
    /// <param name="year">The numbering year.</param>
    /// <param name="first">The first sequence of the block, from 1.</param>
    /// <param name="count">How many numbers; at least one.</param>
    /// <param name="previousIssuedAt">
    /// When the invoice numbered just before the block was issued, or <see langword="null"/> when the block starts the
    /// year or that invoice is not stored: numbers must follow issue times, so an invoice dated earlier cannot take a
    /// number of the block.
    /// </param>
    /// <exception cref="InvalidInputException"><paramref name="series"/> is blank.</exception>
    /// <exception cref="InvalidInputException"><paramref name="year"/>, <paramref name="first"/> or <paramref name="count"/> is less than 1.</exception>
    public InvoiceNumberBlock(string series, int year, long first, int count, DateTimeOffset? previousIssuedAt = null)
    {
        InvalidInputException.ThrowIfNullOrWhiteSpace(series);
        InvalidInputException.ThrowIfLessThan(year, 1);
        InvalidInputException.ThrowIfLessThan(first, 1);
        InvalidInputException.ThrowIfLessThan(count, 1);
        Series = series;
        Year = year;
        First = first;
        Count = count;
        PreviousIssuedAt = previousIssuedAt;
    }

    /// <summary>The series.</summary>
    public string Series { get; }

    /// <summary>The numbering year.</summary>
    public int Year { get; }

    /// <summary>The first sequence of the block.</summary>
    public long First { get; }

    /// <summary>How many numbers the block holds.</summary>
    public int Count { get; }

    /// <summary>When the invoice numbered just before the block was issued, if it is known.</summary>
    public DateTimeOffset? PreviousIssuedAt { get; }

    /// <summary>The last number of the block.</summary>
    public InvoiceNumber Last => this[Count - 1];

    /// <summary>The number at <paramref name="index"/> in the block, from 0.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="InvalidInputException"><paramref name="index"/> is outside the block.</exception>
    public InvoiceNumber this[int index]
    {
        get
        {
            InvalidInputException.ThrowIfNegative(index);
            InvalidInputException.ThrowIfGreaterThanOrEqual(index, Count);
            return new InvoiceNumber(Series, Year, First + index);
        }
    }

    /// <summary>The block as its first and last numbers (<c>FA-2026-000001…FA-2026-000100</c>).</summary>
    public override string ToString() => $"{this[0]}…{Last}";
}
