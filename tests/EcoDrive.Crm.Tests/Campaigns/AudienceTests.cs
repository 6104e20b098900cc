using CsCheck;
using EcoDrive.Crm.Campaigns;
using static EcoDrive.Crm.Tests.Campaigns.CampaignCandidates;

namespace EcoDrive.Crm.Tests.Campaigns;

public sealed class AudienceTests
{
    private static readonly Segment s_suvFans = Segment.InterestedIn(ProductSegment.Suv);

    [Fact]
    public void Resolve_BriefsSuvPromotion_ReachesExactlyTheConsentingSuvFansOnceEach()
    {
        var camille = Customer("Camille", "camille@example.fr", ProductSegment.Suv, consent: true);
        var jules = Customer("Jules", "jules@example.fr", ProductSegment.CityCar, consent: true);
        var lea = Customer("Léa", "lea@example.fr", ProductSegment.Suv);
        var hugo = Customer("Hugo", "hugo@example.fr", ProductSegment.Suv, consent: false);
        var nina = Lead("Nina", "nina@example.fr", ProductSegment.Suv, consent: true);
        var paul = Lead("Paul", "paul@example.fr", ProductSegment.Suv);
        var marieCustomer = Customer("Marie", "marie@example.fr", ProductSegment.Suv, consent: true);
        var marieLead = Lead("Marie", "MARIE@example.fr", ProductSegment.Suv, consent: true);

        var audience = Audience.Resolve(s_suvFans, [camille, jules, lea, hugo, nina, paul, marieCustomer, marieLead], CampaignChannel.Email);

        Assert.Equal(
            [("camille@example.fr", camille.Party), ("marie@example.fr", marieCustomer.Party), ("nina@example.fr", nina.Party)],
            audience.Recipients.Select(r => (r.Address, r.Party)));
        Assert.Equal(new AudienceCounts(Recipients: 3, Matched: 7, WithoutConsent: 3, Duplicates: 1, Unreachable: 0), audience.Counts);
    }

    [Fact]
    public void Resolve_OptOutOnAnotherRecordOfThePerson_WinsWhenMoreRecent()
    {
        var customer = Customer("Zoé", "zoe@example.fr", ProductSegment.Suv, consent: true, phone: "06 11 22 33 44");
        var lead = Lead("Zoé", null, null, consent: false, phone: "+33 6 11 22 33 44", consentAt: Start.AddDays(3));

        var audience = Audience.Resolve(s_suvFans, [customer, lead], CampaignChannel.Email);

        Assert.Empty(audience.Recipients);
        Assert.Equal(1, audience.Counts.WithoutConsent);
    }

    [Fact]
    public void Resolve_RecordsLinkedThroughOneAnother_AreOnePerson()
    {
        // a shares its e-mail with b, b shares its phone with c: one person, one message.
        var a = Customer("Alex", "alex@example.fr", ProductSegment.Suv, consent: true);
        var b = Lead("Alex", "alex@example.fr", ProductSegment.Suv, consent: true, phone: "06 99 88 77 66");
        var c = Lead("Alex", "alex.pro@example.fr", ProductSegment.Suv, consent: true, phone: "0699887766");

        var audience = Audience.Resolve(s_suvFans, [c, b, a], CampaignChannel.Email);

        Assert.Equal(a.Party, Assert.Single(audience.Recipients).Party);
        Assert.Equal(2, audience.Counts.Duplicates);
    }

    [Fact]
    public void Resolve_BySms_LeavesOutThoseWithoutPhoneAndSendsToE164()
    {
        var withPhone = Customer("Camille", "camille@example.fr", ProductSegment.Suv, consent: true, phone: "06 12 34 56 78");
        var withoutPhone = Customer("Jules", "jules@example.fr", ProductSegment.Suv, consent: true);

        var audience = Audience.Resolve(s_suvFans, [withPhone, withoutPhone], CampaignChannel.Sms);

        Assert.Equal("+33612345678", Assert.Single(audience.Recipients).Address);
        Assert.Equal(1, audience.Counts.Unreachable);
    }

    [Fact]
    public void Resolve_RandomCandidates_CountsAddUpAndNoContactIsMessagedTwice()
    {
        var emails = new[] { null, "a@example.fr", "b@example.fr", "c@example.fr", "d@example.fr" };
        var phones = new[] { null, "0611111111", "0622222222", "0633333333" };
        var candidate = Gen.Select(
            Gen.Bool, Gen.OneOf(emails), Gen.OneOf(phones), Gen.OneOf(new bool?[] { null, true, false }), Gen.Int[0, 10], Gen.Bool,
            (isCustomer, email, phone, consent, days, suv) => isCustomer
                ? Customer("X", email, suv ? ProductSegment.Suv : ProductSegment.CityCar, consent, phone)
                : Lead("X", email, suv ? ProductSegment.Suv : ProductSegment.CityCar, consent, phone, Start.AddDays(days)));

        candidate.Array[0, 12].Sample(
            candidates =>
            {
                var audience = Audience.Resolve(s_suvFans, candidates, CampaignChannel.Email);
                var counts = audience.Counts;
                var byParty = candidates.ToDictionary(c => c.Party);
                var recipients = audience.Recipients.Select(r => byParty[r.Party]).ToArray();

                Assert.Equal(counts.Matched, counts.Recipients + counts.WithoutConsent + counts.Duplicates + counts.Unreachable);
                Assert.Equal(candidates.Count(s_suvFans.Matches), counts.Matched);
                Assert.All(recipients, r => Assert.True(s_suvFans.Matches(r)));
                Assert.Equal(recipients.Length, recipients.Select(r => r.Contact.Email).Distinct().Count());
                Assert.Equal(
                    recipients.Count(r => r.Contact.Phone is not null),
                    recipients.Where(r => r.Contact.Phone is not null).Select(r => r.Contact.Phone).Distinct().Count());
            },
            iter: 1000);
    }
}
