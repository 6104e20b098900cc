using EcoDrive.Core.Customers;

namespace EcoDrive.Core.Tests.Customers;

public sealed class ContactTests
{
    [Theory]
    [InlineData("06 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("0033612345678")]
    public void PhoneParse_FrenchNumberAsTyped_GivesE164(string typed)
    {
        Assert.Equal("+33612345678", PhoneNumber.Parse(typed).E164);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("06 12 34")]
    [InlineData("not a phone")]
    public void PhoneParse_Invalid_ThrowsNamingTheInput(string typed)
    {
        var error = Assert.Throws<InvalidInputException>(() => PhoneNumber.Parse(typed));

        Assert.Contains(typed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailParse_NormalisesCaseAndSpaces()
    {
        Assert.Equal("camille.martin@example.fr", EmailAddress.Parse("  Camille.Martin@Example.FR ").Value);
    }

    [Theory]
    [InlineData("camille")]
    [InlineData("camille@")]
    [InlineData("@example.fr")]
    [InlineData("camille@example")]
    [InlineData("cam ille@example.fr")]
    [InlineData("a@b@example.fr")]
    public void EmailParse_Invalid_Throws(string typed)
    {
        Assert.Throws<InvalidInputException>(() => EmailAddress.Parse(typed));
    }

    [Fact]
    public void PostalAddress_BadCountryCode_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => new PostalAddress("1 rue", "75001", "Paris", "France"));

        Assert.Equal("countryCode", error.ParamName);
    }
}

public sealed class ContactDetailsTests
{
    [Theory]
    [InlineData("not-an-email", null, "email")]
    [InlineData(null, "12", "phone")]
    public void Parse_InvalidPart_ThrowsNamingTheField(string? email, string? phone, string field)
    {
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => Core.Customers.ContactDetails.Parse(email, phone)).ParamName);
    }
}
