using EcoDrive.Core.Customers;

namespace EcoDrive.Core.Tests.Domain;

/// <summary>Each input-error code, raised where a user meets it: the code and the refused parameter are stable, nothing changed.</summary>
public sealed class InvalidInputExceptionTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GrantMarketingConsent_BlankSource_ThrowsRequiredAndRecordsNothing()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.None, s_now);

        var error = Assert.Throws<InvalidInputException>(() => customer.GrantMarketingConsent(s_now, "  "));

        Assert.Equal((ErrorCodes.Input.Required, "source"), (error.Code, error.ParamName));
        Assert.Empty(customer.ConsentHistory);
    }

    [Fact]
    public void GrantMarketingConsent_SourceTooLong_ThrowsTooLongAndRecordsNothing()
    {
        var customer = Customer.CreateIndividual(CustomerId.New(), "Camille", "Martin", ContactDetails.None, s_now);

        var error = Assert.Throws<InvalidInputException>(() => customer.GrantMarketingConsent(s_now, new string('a', Limits.MaxNameLength + 1)));

        Assert.Equal((ErrorCodes.Input.TooLong, "source"), (error.Code, error.ParamName));
        Assert.False(customer.HasMarketingConsent);
    }

    [Fact]
    public void CreateIndividual_NameWithAControlCharacter_ThrowsInvalidCharacter()
    {
        var error = Assert.Throws<InvalidInputException>(() => Customer.CreateIndividual(CustomerId.New(), "Cam\0ille", "Martin", ContactDetails.None, s_now));

        Assert.Equal((ErrorCodes.Input.InvalidCharacter, "firstName"), (error.Code, error.ParamName));
    }

    [Theory]
    [InlineData("not-an-e-mail", null, "email")]
    [InlineData(null, "12", "phone")]
    public void ContactDetailsParse_BadEmailOrPhone_ThrowsInvalidFormatNamingTheField(string? email, string? phone, string field)
    {
        var error = Assert.Throws<InvalidInputException>(() => ContactDetails.Parse(email, phone));

        Assert.Equal((ErrorCodes.Input.InvalidFormat, field), (error.Code, error.ParamName));
    }

    [Fact]
    public void SirenParse_BadCheckDigit_ThrowsInvalidFormat()
    {
        var error = Assert.Throws<InvalidInputException>(() => Siren.Parse("732829321"));

        Assert.Equal((ErrorCodes.Input.InvalidFormat, "text"), (error.Code, error.ParamName));
    }

    [Fact]
    public void CurrencyFromCode_UnknownCode_ThrowsInvalidFormat()
    {
        var error = Assert.Throws<InvalidInputException>(() => Currency.FromCode("XYZ"));

        Assert.Equal((ErrorCodes.Input.InvalidFormat, "code"), (error.Code, error.ParamName));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Limits.MaxQuantity + 1)]
    public void RequireQuantity_NotPositiveOrAboveTheLimit_ThrowsOutOfRange(int quantity)
    {
        var error = Assert.Throws<InvalidInputException>(() => Limits.RequireQuantity(quantity));

        Assert.Equal((ErrorCodes.Input.OutOfRange, "quantity"), (error.Code, error.ParamName));
    }

    [Fact]
    public void CompanyRegistrationParse_SiretOfAnotherSiren_ThrowsInconsistent()
    {
        var error = Assert.Throws<InvalidInputException>(() => CompanyRegistration.Parse("542051180", "73282932000074"));

        Assert.Equal((ErrorCodes.Input.Inconsistent, "siret"), (error.Code, error.ParamName));
    }

    [Fact]
    public void InvalidInputException_IsAnArgumentExceptionAndACodedError()
    {
        var error = Assert.Throws<InvalidInputException>(() => FreeText.Require(""));

        ArgumentException asArgument = error;
        ICodedError asCoded = error;
        Assert.Equal(ErrorCodes.Input.Required, asCoded.Code);
        Assert.Contains("(Parameter", asArgument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainException_IsACodedError()
    {
        ICodedError error = new EntityNotFoundException(ErrorCodes.Customer.NotFound, "c-1");

        Assert.Equal("customer.not-found", error.Code);
        Assert.Equal("customer", ((EntityNotFoundException)error).Kind);
    }
}
