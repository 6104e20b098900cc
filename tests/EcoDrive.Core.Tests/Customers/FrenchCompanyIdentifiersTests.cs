using EcoDrive.Core.Customers;

namespace EcoDrive.Core.Tests.Customers;

public sealed class FrenchCompanyIdentifiersTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("542 051 180")]
    [InlineData("303265045")]
    public void SirenParse_ValidNumber_KeepsTheNineDigits(string typed)
    {
        Assert.Equal(typed.Replace(" ", string.Empty, StringComparison.Ordinal), Siren.Parse(typed).Value);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("73282932")]
    [InlineData("7328293200")]
    [InlineData("73282932A")]
    [InlineData("")]
    public void SirenParse_Invalid_ThrowsNamingTheInput(string typed)
    {
        var error = Assert.Throws<InvalidInputException>(() => Siren.Parse(typed));

        Assert.Contains("SIREN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("73282932000074", "732829320")]
    [InlineData("542 051 180 00066", "542051180")]
    [InlineData("35600000049837", "356000000")]
    [InlineData("35600000000048", "356000000")]
    public void SiretParse_ValidNumber_GivesItsSiren(string typed, string siren)
    {
        Assert.Equal(siren, Siret.Parse(typed).Siren.Value);
    }

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("30326504500015")]
    [InlineData("35600000049838")]
    [InlineData("7328293200007")]
    public void SiretParse_Invalid_Throws(string typed)
    {
        Assert.Throws<InvalidInputException>(() => Siret.Parse(typed));
    }

    [Theory]
    [InlineData("FR40303265045")]
    [InlineData("fr 44 732829320")]
    [InlineData("FR59542051180")]
    public void VatNumberParse_ValidKey_IsAccepted(string typed)
    {
        Assert.StartsWith("FR", FrenchVatNumber.Parse(typed).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR41303265045")]
    [InlineData("DE40303265045")]
    [InlineData("FR32123456789")]
    [InlineData("FR4030326504")]
    public void VatNumberParse_WrongKeyOrSiren_Throws(string typed)
    {
        Assert.Throws<InvalidInputException>(() => FrenchVatNumber.Parse(typed));
    }

    [Fact]
    public void VatNumberFor_Siren_ComputesTheKey()
    {
        Assert.Equal("FR44732829320", FrenchVatNumber.For(Siren.Parse("732829320")).Value);
    }

    [Fact]
    public void Registration_PartsOfDifferentCompanies_AreRefusedNamingThePart()
    {
        var error = Assert.Throws<InvalidInputException>(() => CompanyRegistration.Parse("732829320", "54205118000066"));

        Assert.Equal("siret", error.ParamName);
        Assert.Equal("vatNumber", Assert.Throws<InvalidInputException>(() => CompanyRegistration.Parse("732829320", null, "FR59542051180")).ParamName);
    }

    [Fact]
    public void Registration_SirenTakenFromSiret_WhenOnlySiretIsGiven()
    {
        Assert.Equal("732829320", CompanyRegistration.Parse(null, "73282932000074").Siren.Value);
    }
}
