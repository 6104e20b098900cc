using EcoDrive.Core.Customers;
using EcoDrive.Crm.Leads;

namespace EcoDrive.Crm.Tests.Leads;

/// <summary>Structural equality of lead snapshots (records compare their lists by reference).</summary>
internal static class LeadSnapshots
{
    public static bool AreEqual(LeadSnapshot left, LeadSnapshot right) =>
        WithoutLists(left) == WithoutLists(right)
        && left.Interests.SequenceEqual(right.Interests)
        && left.History.SequenceEqual(right.History)
        && left.OwnerHistory.SequenceEqual(right.OwnerHistory)
        && left.ConsentHistory.SequenceEqual(right.ConsentHistory);

    private static LeadSnapshot WithoutLists(LeadSnapshot snapshot) => snapshot with
    {
        Interests = Array.Empty<ProductSegment>(),
        History = Array.Empty<LeadStageChange>(),
        OwnerHistory = Array.Empty<LeadOwnerChange>(),
        ConsentHistory = Array.Empty<MarketingConsent>(),
    };
}
