using EcoDrive.Core.Customers;
using EcoDrive.Erp.Invoices;

namespace EcoDrive.Erp.Tests.Invoices;

public sealed class SellerIdentityTests
{
    private static readonly PostalAddress s_address = new("1 place Bellecour", "69002", "Lyon");

    [Fact]
    public void Create_AsTyped_NormalisesSirenAndVatNumber()
    {
        var seller = new SellerIdentity(" EcoDrive SAS ", s_address, "852 419 670", "fr 07 852 419 670");

        Assert.Equal(("EcoDrive SAS", "852419670", "FR07852419670"), (seller.LegalName, seller.Siren, seller.VatNumber));
    }

    [Theory]
    [InlineData("852419671", "FR07852419670", "siren")]
    [InlineData("85241967", "FR07852419670", "siren")]
    [InlineData("852419670", "FR08852419670", "vatNumber")]
    [InlineData("852419670", "FR11123456782", "vatNumber")]
    [InlineData("852419670", "X", "vatNumber")]
    public void Create_WithMalformedOrMismatchedIdentifiers_ThrowsNamingParameter(string siren, string vatNumber, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<InvalidInputException>(() => new SellerIdentity("EcoDrive SAS", s_address, siren, vatNumber)).ParamName);

    [Fact]
    public void Create_WithAnotherCountrysVatNumber_IsAccepted() =>
        Assert.Equal("DE123456789", new SellerIdentity("EcoDrive GmbH", s_address, "852419670", "DE 123456789").VatNumber);
}
