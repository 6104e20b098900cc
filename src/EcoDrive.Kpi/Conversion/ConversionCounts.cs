using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// The funnel of one cohort of leads at an as-of time: how many were created, and of those how many were won, lost, or
/// are still open. Gives the conversion rate (won / created) and the win rate (won / closed).
/// </summary>
/// <remarks>Rates are exact <see cref="decimal"/> quotients, not rounded, and <see langword="null"/> when their denominator is zero.</remarks>
public sealed record ConversionCounts
{
    /// <summary>Creates the counts of a cohort.</summary>
    /// <param name="leads">Leads in the cohort; zero or more.</param>
    /// <param name="won">Of those, leads won by the as-of time; zero or more.</param>
    /// <param name="lost">Of those, leads lost (and not won) by the as-of time; zero or more.</param>
    /// <exception cref="InvalidInputException">A count is negative, or <paramref name="won"/> + <paramref name="lost"/> exceeds <paramref name="leads"/>.</exception>
    public ConversionCounts(int leads, int won, int lost)
    {
        InvalidInputException.ThrowIfNegative(leads);
        InvalidInputException.ThrowIfNegative(won);
        InvalidInputException.ThrowIfNegative(lost);
        InvalidInputException.ThrowIfGreaterThan(won, leads - lost);
        Leads = leads;
        Won = won;
        Lost = lost;
    }

    /// <summary>Leads in the cohort (created in the period): the conversion rate's denominator.</summary>
    public int Leads { get; }

    /// <summary>Leads of the cohort won (converted to customers) by the as-of time: the conversion rate's numerator.</summary>
    public int Won { get; }

    /// <summary>Leads of the cohort lost by the as-of time (a lead both won and lost by then counts as won).</summary>
    public int Lost { get; }

    /// <summary>Leads of the cohort neither won nor lost by the as-of time.</summary>
    public int Open => Leads - Won - Lost;

    /// <summary>Leads of the cohort won or lost by the as-of time: the win rate's denominator.</summary>
    public int Closed => Won + Lost;

    /// <summary>The conversion rate's numerator, <see cref="Won"/>.</summary>
    public int Numerator => Won;

    /// <summary>The conversion rate's denominator, <see cref="Leads"/>.</summary>
    public int Denominator => Leads;

    /// <summary>The conversion rate, <see cref="Won"/> / <see cref="Leads"/> (0 to 1), or <see langword="null"/> when there are no leads.</summary>
    public decimal? Rate => Leads == 0 ? null : (decimal)Won / Leads;

    /// <summary>The win rate, <see cref="Won"/> / <see cref="Closed"/> (0 to 1), or <see langword="null"/> when no lead is closed yet.</summary>
    public decimal? WinRate => Closed == 0 ? null : (decimal)Won / Closed;
}
