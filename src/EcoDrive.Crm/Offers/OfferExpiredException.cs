namespace EcoDrive.Crm.Offers;

/// <summary>An offer past its validity was sent or accepted. Code: <c>offer.expired</c>.</summary>
public sealed class OfferExpiredException : DomainException
{
    /// <summary>Creates the error for <paramref name="offerId"/>.</summary>
    /// <param name="offerId">The offer.</param>
    /// <param name="validUntil">The end of its validity.</param>
    /// <param name="at">When the refused operation was attempted.</param>
    public OfferExpiredException(OfferId offerId, DateTimeOffset validUntil, DateTimeOffset at)
        : base(ErrorCodes.Offer.Expired, $"Offer {offerId} was valid until {validUntil:u} and it is now {at:u}: it can no longer be sent or accepted. Draft a new offer.")
    {
        OfferId = offerId;
        ValidUntil = validUntil;
    }

    /// <summary>The offer.</summary>
    public OfferId OfferId { get; }

    /// <summary>The end of its validity.</summary>
    public DateTimeOffset ValidUntil { get; }
}
