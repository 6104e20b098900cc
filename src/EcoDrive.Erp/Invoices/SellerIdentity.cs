using EcoDrive.Core.Customers;

namespace EcoDrive.Erp.Invoices;

/// <summary>
/// Who issues the invoices, as French law requires it printed on each: legal name, address, SIREN and intra-EU VAT
/// number. Configured once by the application (<see cref="InvoicingOptions.Seller"/>) and copied onto every invoice
/// and credit note at issue.
/// </summary>
public sealed record SellerIdentity
{
    /// <summary>Creates a seller identity.</summary>
    /// <param name="legalName">The company's legal name (<c>EcoDrive SAS</c>).</param>
    /// <param name="address">Its registered address.</param>
    /// <param name="siren">Its SIREN: nine digits with a valid check digit; spaces are ignored.</param>
    /// <param name="vatNumber">Its intra-EU VAT number; a French one must be built on <paramref name="siren"/>.</param>
    /// <exception cref="InvalidInputException">A part is blank or malformed, the legal name is longer than <see cref="Limits.MaxNameLength"/> or holds a control character, or the French VAT number is not the SIREN's.</exception>
    public SellerIdentity(string legalName, PostalAddress address, string siren, string vatNumber)
    {
        LegalName = FreeText.Require(legalName);
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        Siren = TaxIdentifiers.Siren(siren, nameof(siren));
        VatNumber = TaxIdentifiers.VatNumber(vatNumber, nameof(vatNumber));
        if (TaxIdentifiers.SirenOf(VatNumber) is { } sirenInVat && sirenInVat != Siren)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"The VAT number {VatNumber} is not built on the SIREN {Siren}.", nameof(vatNumber));
        }
    }

    /// <summary>The legal name.</summary>
    public string LegalName { get; }

    /// <summary>The registered address.</summary>
    public PostalAddress Address { get; }

    /// <summary>The SIREN, nine digits without spaces.</summary>
    public string Siren { get; }

    /// <summary>The intra-EU VAT number, upper case without spaces.</summary>
    public string VatNumber { get; }
}
