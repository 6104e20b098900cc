using EcoDrive.Core;
using EcoDrive.Crm;
using EcoDrive.Crm.Campaigns;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>
/// Who a campaign targets, as a tree: each object names exactly one criterion, or combines others with
/// <c>and</c> (all must match) or <c>or</c> (at least one must). <c>{"and": []}</c> is everyone.
/// Example, SUV fans in the Rhône or the Isère:
/// <c>{"and": [{"interestedIn": "suv"}, {"or": [{"postalCodeStartsWith": "69"}, {"postalCodeStartsWith": "38"}]}]}</c>.
/// </summary>
/// <param name="InterestedIn">Interested in this product segment (<c>suv</c>, <c>city-car</c>, <c>utility</c>…).</param>
/// <param name="Kind">Customers only (<c>Customer</c>) or prospects only (<c>Lead</c>).</param>
/// <param name="PostalCodeStartsWith">Billing postal code starting with this prefix (<c>69</c> for the Rhône).</param>
/// <param name="LastPurchaseBefore">Customers whose last purchase was before this time; those who never bought do not match.</param>
/// <param name="LastPurchaseSince">Customers whose last purchase was at or after this time; those who never bought do not match.</param>
/// <param name="OwnedBy">Customers and leads owned by this salesperson.</param>
/// <param name="And">Every one of these matches; an empty list is everyone.</param>
/// <param name="Or">At least one of these matches; an empty list is nobody.</param>
internal sealed record SegmentRequest(
    string? InterestedIn = null,
    PartyKind? Kind = null,
    string? PostalCodeStartsWith = null,
    DateTimeOffset? LastPurchaseBefore = null,
    DateTimeOffset? LastPurchaseSince = null,
    Guid? OwnedBy = null,
    SegmentRequest[]? And = null,
    SegmentRequest[]? Or = null)
{
    /// <summary>The domain's segment; an object that names no criterion or more than one is refused, naming its JSON path.</summary>
    /// <param name="path">Where this object sits in the request, for the error (<c>segment.and[1]</c>).</param>
    /// <exception cref="ArgumentException">An object names no criterion or several.</exception>
    /// <exception cref="InvalidInputException">A criterion's value is refused by the SDK; its code is kept and <c>ParamName</c> is the criterion's path.</exception>
    public Segment ToSegment(string path)
    {
        var criteria = new List<Func<Segment>>();
        if (InterestedIn is { } interest)
        {
            criteria.Add(() => Leaf(() => Segment.InterestedIn(ProductSegment.Parse(interest)), path));
        }

        if (Kind is { } kind)
        {
            criteria.Add(() => kind == PartyKind.Customer ? Segment.Customers : Segment.Prospects);
        }

        if (PostalCodeStartsWith is { } prefix)
        {
            criteria.Add(() => Leaf(() => Segment.PostalCodeStartsWith(prefix), path));
        }

        if (LastPurchaseBefore is { } before)
        {
            criteria.Add(() => Segment.LastPurchaseBefore(before));
        }

        if (LastPurchaseSince is { } since)
        {
            criteria.Add(() => Segment.LastPurchaseSince(since));
        }

        if (OwnedBy is { } owner)
        {
            criteria.Add(() => Leaf(() => Segment.OwnedBy(new UserId(owner)), path));
        }

        if (And is { } all)
        {
            criteria.Add(() => Segment.All(all.Select((part, i) => Part(part, $"{path}.and[{i}]"))));
        }

        if (Or is { } any)
        {
            criteria.Add(() => Segment.Any(any.Select((part, i) => Part(part, $"{path}.or[{i}]"))));
        }

        return criteria.Count == 1
            ? criteria[0]()
            : throw new ArgumentException(
                $"Name exactly one criterion (interestedIn, kind, postalCodeStartsWith, lastPurchaseBefore, lastPurchaseSince, ownedBy, and, or); found {criteria.Count}.",
                path);
    }

    // A criterion's own validation error, reported at the criterion's place in the request.
    private static Segment Leaf(Func<Segment> criterion, string path)
    {
        try
        {
            return criterion();
        }
        catch (InvalidInputException error)
        {
            throw new InvalidInputException(error.Code, error.Message.Split(" (Parameter", 2)[0], path, error);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            throw new ArgumentException(error.Message.Split(" (Parameter", 2)[0], path, error);
        }
    }

    private static Segment Part(SegmentRequest? part, string path) =>
        part?.ToSegment(path) ?? throw new ArgumentException("A criterion cannot be null.", path);
}
