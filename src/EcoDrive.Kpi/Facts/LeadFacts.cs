using EcoDrive.Core;

namespace EcoDrive.Kpi;

/// <summary>
/// Lead facts stored by column for the fast path of <see cref="ConversionCalculator"/>: UTC ticks of creation, win and
/// loss (<see cref="long.MaxValue"/> when it has not happened), and dictionary codes for source, owner and campaign.
/// Built once by an adapter with <see cref="Builder"/> or <see cref="From"/>, then queried any number of times without
/// allocation per row.
/// </summary>
/// <remarks>
/// 29 bytes per lead. Owner code 0 means unassigned and campaign code 0 means no campaign; at most 256 sources and
/// 65,535 owners and campaigns per table. Records whether it is sorted by creation time. Immutable and thread-safe.
/// </remarks>
public sealed class LeadFacts
{
    /// <summary>The tick value standing for "never" in <see cref="WonAtUtcTicks"/> and <see cref="LostAtUtcTicks"/>.</summary>
    internal const long Never = long.MaxValue;

    private readonly long[] _createdAt;
    private readonly long[] _wonAt;
    private readonly long[] _lostAt;
    private readonly byte[] _sources;
    private readonly ushort[] _owners;
    private readonly ushort[] _campaigns;

    private LeadFacts(Builder builder)
    {
        _createdAt = [.. builder.CreatedAt];
        _wonAt = [.. builder.WonAt];
        _lostAt = [.. builder.LostAt];
        _sources = [.. builder.SourceCodes];
        _owners = [.. builder.OwnerCodes];
        _campaigns = [.. builder.CampaignCodes];
        Sources = Array.AsReadOnly(Array.ConvertAll(builder.SourceBook.ToArray(), source => source ?? string.Empty));
        Owners = Array.AsReadOnly(Array.ConvertAll(builder.OwnerBook.ToArray(), id => id == Guid.Empty ? (UserId?)null : UserId.From(id)));
        Campaigns = Array.AsReadOnly(Array.ConvertAll(builder.CampaignBook.ToArray(), id => id == Guid.Empty ? (CampaignId?)null : CampaignId.From(id)));
        IsSortedByTime = builder.Sorted;
    }

    /// <summary>How many leads the table holds.</summary>
    public int Count => _createdAt.Length;

    /// <summary>The creation instant of each lead, as UTC ticks; decides its cohort.</summary>
    internal ReadOnlySpan<long> CreatedAtUtcTicks => _createdAt;

    /// <summary>The win instant of each lead as UTC ticks, or <see cref="Never"/>.</summary>
    internal ReadOnlySpan<long> WonAtUtcTicks => _wonAt;

    /// <summary>The loss instant of each lead as UTC ticks, or <see cref="Never"/>.</summary>
    internal ReadOnlySpan<long> LostAtUtcTicks => _lostAt;

    /// <summary>The code of each lead's source: an index into <see cref="Sources"/>.</summary>
    internal ReadOnlySpan<byte> SourceCodes => _sources;

    /// <summary>The code of each lead's owner: an index into <see cref="Owners"/>; 0 for unassigned.</summary>
    internal ReadOnlySpan<ushort> OwnerCodes => _owners;

    /// <summary>The code of each lead's campaign: an index into <see cref="Campaigns"/>; 0 for none.</summary>
    internal ReadOnlySpan<ushort> CampaignCodes => _campaigns;

    /// <summary>The distinct sources, in order of first appearance (<see langword="null"/> sources are stored as the empty source).</summary>
    internal IReadOnlyList<string> Sources { get; }

    /// <summary>The distinct owners; entry 0 is <see langword="null"/> (unassigned).</summary>
    internal IReadOnlyList<UserId?> Owners { get; }

    /// <summary>The distinct campaigns; entry 0 is <see langword="null"/> (no campaign).</summary>
    internal IReadOnlyList<CampaignId?> Campaigns { get; }

    /// <summary>Whether <see cref="CreatedAtUtcTicks"/> never decreases.</summary>
    internal bool IsSortedByTime { get; }

    /// <summary>Builds a table from record facts, in their order.</summary>
    /// <param name="leads">The leads.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Too many distinct sources, owners or campaigns (see remarks).</exception>
    public static LeadFacts From(IEnumerable<LeadFact> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var builder = new Builder(leads.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var lead in leads)
        {
            builder.Add(lead);
        }

        return builder.Build();
    }

    /// <summary>Appends leads one at a time, then builds an immutable <see cref="LeadFacts"/>. Not thread-safe.</summary>
    /// <param name="capacity">How many leads to reserve room for.</param>
    public sealed class Builder(int capacity = 0)
    {
        internal List<long> CreatedAt { get; } = new(capacity);

        internal List<long> WonAt { get; } = new(capacity);

        internal List<long> LostAt { get; } = new(capacity);

        internal List<byte> SourceCodes { get; } = new(capacity);

        internal List<ushort> OwnerCodes { get; } = new(capacity);

        internal List<ushort> CampaignCodes { get; } = new(capacity);

        internal CodeBook<string> SourceBook { get; } = new("lead sources", 256, reserveNone: false);

        internal CodeBook<Guid> OwnerBook { get; } = new("lead owners", ushort.MaxValue, reserveNone: true);

        internal CodeBook<Guid> CampaignBook { get; } = new("campaigns", ushort.MaxValue, reserveNone: true);

        internal bool Sorted { get; private set; } = true;

        /// <summary>Appends one lead.</summary>
        /// <param name="lead">The lead.</param>
        /// <exception cref="InvalidOperationException">Too many distinct sources, owners or campaigns.</exception>
        public void Add(in LeadFact lead)
        {
            var created = lead.CreatedAt.UtcTicks;
            Sorted &= CreatedAt.Count == 0 || created >= CreatedAt[^1];
            CreatedAt.Add(created);
            WonAt.Add(lead.WonAt?.UtcTicks ?? Never);
            LostAt.Add(lead.LostAt?.UtcTicks ?? Never);
            SourceCodes.Add((byte)SourceBook.CodeOf(lead.Source ?? string.Empty));
            OwnerCodes.Add(lead.OwnerId is { } owner ? (ushort)OwnerBook.CodeOf(owner.Value) : (ushort)0);
            CampaignCodes.Add(lead.CampaignId is { } campaign ? (ushort)CampaignBook.CodeOf(campaign.Value) : (ushort)0);
        }

        /// <summary>Builds the immutable table from the leads appended so far.</summary>
        /// <returns>The table.</returns>
        public LeadFacts Build() => new(this);
    }
}
