namespace EcoDrive.Core.Customers;

/// <summary>Whether a customer is a person or a company.</summary>
public enum CustomerKind
{
    /// <summary>A private person, named by first and last name.</summary>
    Individual = 0,

    /// <summary>A company, named by its legal name.</summary>
    Company = 1,
}
