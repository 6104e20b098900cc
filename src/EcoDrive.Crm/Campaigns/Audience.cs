using EcoDrive.Core.Customers;

namespace EcoDrive.Crm.Campaigns;

/// <summary>How a campaign reaches its recipients.</summary>
public enum CampaignChannel
{
    /// <summary>By e-mail: recipients need an e-mail address; messages have a subject.</summary>
    Email = 0,

    /// <summary>By text message: recipients need a phone number.</summary>
    Sms = 1,
}

/// <summary>One person a campaign message goes to.</summary>
/// <param name="Party">The customer or lead the message is addressed to.</param>
/// <param name="FirstName">How to greet them.</param>
/// <param name="Address">Where to send it: the normalised e-mail address or the E.164 phone number.</param>
public sealed record Recipient(PartyRef Party, string FirstName, string Address);

/// <summary>The audience of a segment: one recipient per person, and the counts that explain it.</summary>
/// <param name="Recipients">One per person, in a stable order (by address).</param>
/// <param name="Counts">How many records the segment matched, and how many were left out and why.</param>
public sealed record AudienceResolution(IReadOnlyList<Recipient> Recipients, AudienceCounts Counts);

/// <summary>
/// How many customers and leads a segment matched and what became of them:
/// <c>Matched = Recipients + WithoutConsent + Duplicates + Unreachable</c>. Contains no personal data.
/// </summary>
/// <param name="Recipients">People who receive the message, one each.</param>
/// <param name="Matched">Customers and leads the segment matched.</param>
/// <param name="WithoutConsent">Matched records left out because the person has no current marketing consent.</param>
/// <param name="Duplicates">Matched records left out because another record of the same person (same e-mail or phone) receives the message.</param>
/// <param name="Unreachable">Matched records left out because the person has no address on the campaign's channel.</param>
public sealed record AudienceCounts(int Recipients, int Matched, int WithoutConsent, int Duplicates, int Unreachable);

/// <summary>Turns a segment and the candidate customers and leads into the people a campaign may message.</summary>
public static class Audience
{
    /// <summary>
    /// Resolves the audience of <paramref name="segment"/>. Records that share a normalised e-mail or phone (directly
    /// or through one another) are one person. A person is messaged once, when at least one of their records matches
    /// the segment and their most recent consent statement on any of their records is an opt-in — so an opt-out
    /// given as a lead is honoured for the customer with the same e-mail, and no consent at all means no message.
    /// The message goes to a matching record with an address on the channel: a customer before a lead, then the
    /// record with the most recent consent statement.
    /// </summary>
    /// <param name="segment">Who to target.</param>
    /// <param name="candidates">Every customer and lead that could be targeted (all of them, not only the matching ones: consent is judged per person).</param>
    /// <param name="channel">E-mail or SMS.</param>
    public static AudienceResolution Resolve(Segment segment, IEnumerable<AudienceCandidate> candidates, CampaignChannel channel)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.ToArray();
        var recipients = new List<Recipient>();
        int matched = 0, withoutConsent = 0, duplicates = 0, unreachable = 0;
        foreach (var person in People(all))
        {
            var matching = person.Where(segment.Matches).ToArray();
            if (matching.Length == 0)
            {
                continue;
            }

            matched += matching.Length;
            var latestConsent = person.Select(c => c.LatestConsent).OfType<MarketingConsent>().MaxBy(c => c.At);
            if (latestConsent is not { Granted: true })
            {
                withoutConsent += matching.Length;
                continue;
            }

            var chosen = matching
                .Select(c => (Candidate: c, Address: AddressOn(channel, c)))
                .Where(c => c.Address is not null)
                .OrderBy(c => c.Candidate.Party.Kind)
                .ThenByDescending(c => c.Candidate.LatestConsent?.At)
                .ThenBy(c => c.Candidate.Party.ToString(), StringComparer.Ordinal)
                .FirstOrDefault();
            if (chosen.Candidate is null)
            {
                unreachable += matching.Length;
                continue;
            }

            recipients.Add(new Recipient(chosen.Candidate.Party, chosen.Candidate.FirstName, chosen.Address!));
            duplicates += matching.Length - 1;
        }

        return new AudienceResolution(
            [.. recipients.OrderBy(r => r.Address, StringComparer.Ordinal)],
            new AudienceCounts(recipients.Count, matched, withoutConsent, duplicates, unreachable));
    }

    private static string? AddressOn(CampaignChannel channel, AudienceCandidate candidate) =>
        channel == CampaignChannel.Email ? candidate.Contact.Email?.Value : candidate.Contact.Phone?.E164;

    /// <summary>Groups the records that share an e-mail or a phone, transitively (union–find over the contact keys).</summary>
    private static IEnumerable<List<AudienceCandidate>> People(AudienceCandidate[] candidates)
    {
        var parent = Enumerable.Range(0, candidates.Length).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Length; i++)
        {
            foreach (var key in ContactKeys(candidates[i]))
            {
                if (firstWithKey.TryAdd(key, i))
                {
                    continue;
                }

                parent[Root(i)] = Root(firstWithKey[key]);
            }
        }

        return Enumerable.Range(0, candidates.Length)
            .GroupBy(Root)
            .Select(group => group.Select(i => candidates[i]).ToList());
    }

    private static IEnumerable<string> ContactKeys(AudienceCandidate candidate)
    {
        if (candidate.Contact.Email is { } email)
        {
            yield return "email:" + email.Value;
        }

        if (candidate.Contact.Phone is { } phone)
        {
            yield return "phone:" + phone.E164;
        }
    }
}
