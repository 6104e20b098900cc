using System.Globalization;
using System.Text.Json.Serialization;

namespace EcoDrive.Crm.Campaigns;

/// <summary>
/// Who a campaign targets: criteria on customers and leads (interest in a product segment, customers or prospects,
/// postal-code prefix, last purchase before or since a time, owner) combined with <see cref="And"/> and
/// <see cref="Or"/>. A segment only selects; consent and duplicates are handled by <see cref="Audience.Resolve"/>.
/// </summary>
/// <example><c>Segment.InterestedIn(ProductSegment.Suv).And(Segment.PostalCodeStartsWith("69").Or(Segment.PostalCodeStartsWith("38")))</c></example>
/// <remarks>Segments are immutable values; equality is structural.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "criterion")]
[JsonDerivedType(typeof(Interest), "interest")]
[JsonDerivedType(typeof(Kind), "kind")]
[JsonDerivedType(typeof(PostalCodePrefix), "postal-code-prefix")]
[JsonDerivedType(typeof(PurchasedBefore), "purchased-before")]
[JsonDerivedType(typeof(PurchasedSince), "purchased-since")]
[JsonDerivedType(typeof(Owner), "owner")]
[JsonDerivedType(typeof(AllOf), "all-of")]
[JsonDerivedType(typeof(AnyOf), "any-of")]
public abstract record Segment
{
    private protected Segment()
    {
    }

    /// <summary>Every customer and every lead.</summary>
    public static Segment Everyone { get; } = new AllOf([]);

    /// <summary>Customers only (people who have bought).</summary>
    public static Segment Customers { get; } = new Kind(PartyKind.Customer);

    /// <summary>Prospects only (leads not converted to customers).</summary>
    public static Segment Prospects { get; } = new Kind(PartyKind.Lead);

    /// <summary>Whether evaluating the segment needs each candidate's last purchase (so that it is loaded only then).</summary>
    public virtual bool UsesPurchaseHistory => false;

    /// <summary>Those interested in <paramref name="productSegment"/> (the brief's "clients intéressés par les SUV").</summary>
    /// <param name="productSegment">The product segment.</param>
    /// <exception cref="InvalidInputException"><paramref name="productSegment"/> is <c>default</c>.</exception>
    public static Segment InterestedIn(ProductSegment productSegment) =>
        productSegment.Code is null ? throw new InvalidInputException(ErrorCodes.Input.Required, "Name a product segment (e.g. ProductSegment.Suv).", nameof(productSegment)) : new Interest(productSegment);

    /// <summary>Those whose postal code starts with <paramref name="prefix"/> (<c>69</c> for the Rhône).</summary>
    /// <param name="prefix">The prefix, letters and digits; compared ignoring case and spaces.</param>
    /// <exception cref="InvalidInputException"><paramref name="prefix"/> is blank, longer than <see cref="Limits.MaxNameLength"/> or holds a control character.</exception>
    public static Segment PostalCodeStartsWith(string prefix)
    {
        return new PostalCodePrefix(Normalise(FreeText.Require(prefix)));
    }

    /// <summary>Customers whose last purchase was before <paramref name="at"/>; those who never bought do not match.</summary>
    /// <param name="at">The time (exclusive).</param>
    public static Segment LastPurchaseBefore(DateTimeOffset at) => new PurchasedBefore(at);

    /// <summary>Customers whose last purchase was at or after <paramref name="at"/>; those who never bought do not match.</summary>
    /// <param name="at">The time (inclusive).</param>
    public static Segment LastPurchaseSince(DateTimeOffset at) => new PurchasedSince(at);

    /// <summary>Those owned by <paramref name="salespersonId"/>.</summary>
    /// <param name="salespersonId">The salesperson.</param>
    public static Segment OwnedBy(UserId salespersonId) => new Owner(salespersonId);

    /// <summary>Those who match every one of <paramref name="segments"/>; with none, everyone.</summary>
    /// <param name="segments">The segments.</param>
    public static Segment All(params IEnumerable<Segment> segments) => new AllOf([.. NotNull(segments)]);

    /// <summary>Those who match at least one of <paramref name="segments"/>; with none, nobody.</summary>
    /// <param name="segments">The segments.</param>
    public static Segment Any(params IEnumerable<Segment> segments) => new AnyOf([.. NotNull(segments)]);

    /// <summary>Whether <paramref name="candidate"/> belongs to the segment.</summary>
    /// <param name="candidate">A customer or lead.</param>
    public abstract bool Matches(AudienceCandidate candidate);

    /// <summary>Those who match this segment and <paramref name="other"/>.</summary>
    /// <param name="other">The other segment.</param>
    public Segment And(Segment other) => All(this, other);

    /// <summary>Those who match this segment or <paramref name="other"/>.</summary>
    /// <param name="other">The other segment.</param>
    public Segment Or(Segment other) => Any(this, other);

    private static string Normalise(string postalCode) => postalCode.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static Segment[] NotNull(IEnumerable<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var array = segments.ToArray();
        return array.Any(s => s is null) ? throw new InvalidInputException(ErrorCodes.Input.Required, "A segment cannot be null.", nameof(segments)) : array;
    }

    /// <summary>Interested in a product segment.</summary>
    /// <param name="ProductSegment">The product segment.</param>
    public sealed record Interest(ProductSegment ProductSegment) : Segment
    {
        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => candidate?.Interests.Contains(ProductSegment) == true;

        /// <summary><c>interested in suv</c>.</summary>
        public override string ToString() => $"interested in {ProductSegment}";
    }

    /// <summary>Customers, or prospects.</summary>
    /// <param name="PartyKind">Which.</param>
    public sealed record Kind(PartyKind PartyKind) : Segment
    {
        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => candidate?.Party.Kind == PartyKind;

        /// <summary><c>customers</c> or <c>prospects</c>.</summary>
        public override string ToString() => PartyKind == PartyKind.Customer ? "customers" : "prospects";
    }

    /// <summary>Postal code starting with a prefix.</summary>
    /// <param name="Prefix">The prefix, upper case without spaces.</param>
    public sealed record PostalCodePrefix(string Prefix) : Segment
    {
        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) =>
            candidate?.Contact.BillingAddress?.PostalCode is { } code && Normalise(code).StartsWith(Prefix, StringComparison.Ordinal);

        /// <summary><c>postal code 69*</c>.</summary>
        public override string ToString() => $"postal code {Prefix}*";
    }

    /// <summary>Last purchase before a time.</summary>
    /// <param name="At">The time (exclusive).</param>
    public sealed record PurchasedBefore(DateTimeOffset At) : Segment
    {
        /// <inheritdoc />
        public override bool UsesPurchaseHistory => true;

        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => candidate?.LastPurchaseAt is { } last && last < At;

        /// <summary><c>last purchase before 2025-01-01</c>.</summary>
        public override string ToString() => $"last purchase before {At.ToString("u", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Last purchase at or after a time.</summary>
    /// <param name="At">The time (inclusive).</param>
    public sealed record PurchasedSince(DateTimeOffset At) : Segment
    {
        /// <inheritdoc />
        public override bool UsesPurchaseHistory => true;

        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => candidate?.LastPurchaseAt is { } last && last >= At;

        /// <summary><c>last purchase since 2025-01-01</c>.</summary>
        public override string ToString() => $"last purchase since {At.ToString("u", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Owned by a salesperson.</summary>
    /// <param name="SalespersonId">The salesperson.</param>
    public sealed record Owner(UserId SalespersonId) : Segment
    {
        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => candidate?.OwnerId == SalespersonId;

        /// <summary><c>owned by 0190…</c>.</summary>
        public override string ToString() => $"owned by {SalespersonId}";
    }

    /// <summary>A combination of segments (<see cref="AllOf"/>, <see cref="AnyOf"/>); equality compares the parts in order.</summary>
    public abstract record Combination : Segment
    {
        private protected Combination(IReadOnlyList<Segment> parts) => Parts = parts;

        /// <summary>The combined segments.</summary>
        public IReadOnlyList<Segment> Parts { get; }

        /// <inheritdoc />
        public override bool UsesPurchaseHistory => Parts.Any(p => p.UsesPurchaseHistory);

        /// <inheritdoc />
        public virtual bool Equals(Combination? other) =>
            other is not null && EqualityContract == other.EqualityContract && Parts.SequenceEqual(other.Parts);

        /// <inheritdoc />
        public override int GetHashCode() => Parts.Aggregate(EqualityContract.GetHashCode(), HashCode.Combine);

        /// <summary>The parts joined by <paramref name="word"/>, in parentheses.</summary>
        private protected string Join(string word) => $"({string.Join($" {word} ", Parts)})";
    }

    /// <summary>Every part matches (and); no part means everyone.</summary>
    public sealed record AllOf : Combination
    {
        /// <summary>Combines <paramref name="parts"/> with "and".</summary>
        /// <param name="parts">The parts.</param>
        public AllOf(IReadOnlyList<Segment> parts)
            : base(parts)
        {
        }

        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => Parts.All(p => p.Matches(candidate));

        /// <summary><c>(a and b)</c>, or <c>everyone</c>.</summary>
        public override string ToString() => Parts.Count == 0 ? "everyone" : Join("and");
    }

    /// <summary>At least one part matches (or); no part means nobody.</summary>
    public sealed record AnyOf : Combination
    {
        /// <summary>Combines <paramref name="parts"/> with "or".</summary>
        /// <param name="parts">The parts.</param>
        public AnyOf(IReadOnlyList<Segment> parts)
            : base(parts)
        {
        }

        /// <inheritdoc />
        public override bool Matches(AudienceCandidate candidate) => Parts.Any(p => p.Matches(candidate));

        /// <summary><c>(a or b)</c>, or <c>nobody</c>.</summary>
        public override string ToString() => Parts.Count == 0 ? "nobody" : Join("or");
    }
}
