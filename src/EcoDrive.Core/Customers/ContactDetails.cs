namespace EcoDrive.Core.Customers;

/// <summary>How to reach and bill a customer or a lead; every part is optional.</summary>
/// <param name="Email">Normalised e-mail address.</param>
/// <param name="Phone">Phone number in E.164 form.</param>
/// <param name="BillingAddress">Billing address.</param>
public sealed record ContactDetails(EmailAddress? Email = null, PhoneNumber? Phone = null, PostalAddress? BillingAddress = null)
{
    /// <summary>No contact details at all.</summary>
    public static ContactDetails None { get; } = new();

    /// <summary>Parses contact details as typed; blank parts are left out.</summary>
    /// <param name="email">E-mail as typed, or blank.</param>
    /// <param name="phone">Phone as typed (French national numbers accepted), or blank.</param>
    /// <param name="billingAddress">Billing address, if known.</param>
    /// <exception cref="InvalidInputException">The e-mail or the phone is given but invalid.</exception>
    public static ContactDetails Parse(string? email, string? phone, PostalAddress? billingAddress = null) => new(
        string.IsNullOrWhiteSpace(email) ? null
            : EmailAddress.TryParse(email, out var validEmail) ? validEmail
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{email}' is not a valid e-mail address (expected name@domain.tld).", nameof(email)),
        string.IsNullOrWhiteSpace(phone) ? null
            : PhoneNumber.TryParse(phone, out var validPhone) ? validPhone
            : throw new InvalidInputException(ErrorCodes.Input.InvalidFormat, $"'{phone}' is not a valid phone number (e.g. '06 12 34 56 78' or '+33 6 12 34 56 78').", nameof(phone)),
        billingAddress);
}
