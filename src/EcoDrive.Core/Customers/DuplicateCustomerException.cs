namespace EcoDrive.Core.Customers;

/// <summary>A new customer has the same normalised e-mail or phone as an existing one. Code: <c>customer.duplicate</c>.</summary>
public sealed class DuplicateCustomerException : DomainException
{
    /// <summary>Creates the error naming the existing customer.</summary>
    /// <param name="existingId">The customer that already has these contact details.</param>
    public DuplicateCustomerException(CustomerId existingId)
        : base(ErrorCodes.Customer.Duplicate, $"A customer with the same e-mail or phone already exists ({existingId}); use that record instead of creating a second one.")
    {
        ExistingId = existingId;
    }

    /// <summary>The customer that already has these contact details.</summary>
    public CustomerId ExistingId { get; }
}
