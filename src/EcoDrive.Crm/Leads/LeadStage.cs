namespace EcoDrive.Crm.Leads;

/// <summary>Where a lead is in the sales pipeline: <c>New → Contacted → Qualified → OfferSent → Won | Lost</c>.</summary>
public enum LeadStage
{
    /// <summary>Just captured, nobody has talked to them yet.</summary>
    New = 0,

    /// <summary>A salesperson has reached them.</summary>
    Contacted = 1,

    /// <summary>Their need, budget and timing are known and fit.</summary>
    Qualified = 2,

    /// <summary>A personalised offer was sent.</summary>
    OfferSent = 3,

    /// <summary>They bought: the lead is now linked to a customer (final).</summary>
    Won = 4,

    /// <summary>They will not buy, with a reason (final until explicitly reopened).</summary>
    Lost = 5,
}
