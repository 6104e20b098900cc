namespace EcoDrive.Core.Customers;

/// <summary>
/// How a French company is registered: its SIREN, optionally the SIRET of the establishment billed, and its
/// intra-EU VAT number. The parts must agree: the SIRET and the VAT number carry the same SIREN.
/// </summary>
public sealed record CompanyRegistration
{
    /// <summary>Creates a registration from validated parts.</summary>
    /// <param name="siren">The company's SIREN.</param>
    /// <param name="siret">The SIRET of the establishment billed, if known.</param>
    /// <param name="vatNumber">The intra-EU VAT number, if known.</param>
    /// <exception cref="InvalidInputException">The SIRET or the VAT number is of another company.</exception>
    public CompanyRegistration(Siren siren, Siret? siret = null, FrenchVatNumber? vatNumber = null)
    {
        if (siret is { } s && s.Siren != siren)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"SIRET {s} is not an establishment of SIREN {siren}.", nameof(siret));
        }

        if (vatNumber is { } v && v.Siren != siren)
        {
            throw new InvalidInputException(ErrorCodes.Input.Inconsistent, $"VAT number {v} is not that of SIREN {siren}.", nameof(vatNumber));
        }

        Siren = siren;
        Siret = siret;
        VatNumber = vatNumber;
    }

    /// <summary>The company's SIREN.</summary>
    public Siren Siren { get; }

    /// <summary>The SIRET of the establishment billed, if known.</summary>
    public Siret? Siret { get; }

    /// <summary>The intra-EU VAT number, if known.</summary>
    public FrenchVatNumber? VatNumber { get; }

    /// <summary>Parses a registration as typed; blank optional parts are left out.</summary>
    /// <param name="siren">The SIREN, or blank to take it from the SIRET.</param>
    /// <param name="siret">The SIRET, or blank.</param>
    /// <param name="vatNumber">The VAT number, or blank.</param>
    /// <exception cref="InvalidInputException">A part is invalid, none gives the SIREN, or the parts disagree.</exception>
    public static CompanyRegistration Parse(string? siren, string? siret = null, string? vatNumber = null)
    {
        Siret? parsedSiret = string.IsNullOrWhiteSpace(siret) ? null : Customers.Siret.Parse(siret);
        var parsedSiren = !string.IsNullOrWhiteSpace(siren) ? Customers.Siren.Parse(siren)
            : parsedSiret?.Siren ?? throw new InvalidInputException(ErrorCodes.Input.Required, "A company registration needs a SIREN or a SIRET.", nameof(siren));
        return new CompanyRegistration(parsedSiren, parsedSiret, string.IsNullOrWhiteSpace(vatNumber) ? null : FrenchVatNumber.Parse(vatNumber));
    }
}
