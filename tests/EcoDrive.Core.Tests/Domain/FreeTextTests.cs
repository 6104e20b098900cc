namespace EcoDrive.Core.Tests.Domain;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("Jean\u0000Dupont")]
    [InlineData("Jean\tDupont")]
    [InlineData("Jean\nDupont")]
    [InlineData("Jean\u001BDupont")]
    [InlineData("Jean\u007FDupont")]
    [InlineData("Jean\u0085Dupont")]
    public void Require_SingleLineWithControlCharacter_ThrowsNamingTheParameter(string name)
    {
        var error = Assert.Throws<InvalidInputException>(() => FreeText.Require(name));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void Require_LoneSurrogate_ThrowsNamingTheParameter()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate.
        var name = "Jean" + (char)0xD800 + "Dupont";

        Assert.Equal("name", Assert.Throws<InvalidInputException>(() => FreeText.Require(name)).ParamName);
    }

    [Fact]
    public void Require_Nul_ThrowsEvenWhenMultiline()
    {
        var note = "called\u0000back";

        var error = Assert.Throws<InvalidInputException>(() => FreeText.Require(note, Limits.MaxNoteLength, multiline: true));

        Assert.Equal("note", error.ParamName);
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_MultilineWithLineBreaksAndTabs_KeepsThem()
    {
        Assert.Equal("line one\r\n\tline two", FreeText.Require("  line one\r\n\tline two  ", Limits.MaxNoteLength, multiline: true));
    }

    [Fact]
    public void Require_AccentsAndEmoji_AreText()
    {
        Assert.Equal("Citroën ë-C4 🚗", FreeText.Require(" Citroën ë-C4 🚗 "));
    }

    [Fact]
    public void Require_TenMegabyteString_ThrowsNamingTheLimit()
    {
        var name = new string('a', 10 * 1024 * 1024);

        var error = Assert.Throws<InvalidInputException>(() => FreeText.Require(name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_AtTheLimitOnceTrimmed_IsAccepted()
    {
        var name = " " + new string('a', Limits.MaxNameLength) + " ";

        Assert.Equal(Limits.MaxNameLength, FreeText.Require(name).Length);
    }

    [Fact]
    public void Require_NullOrBlank_ThrowsRequiredNamingTheParameter()
    {
        string? missing = null;
        var blank = "   ";

        var none = Assert.Throws<InvalidInputException>(() => FreeText.Require(missing));
        var spaces = Assert.Throws<InvalidInputException>(() => FreeText.Require(blank));

        Assert.Equal((ErrorCodes.Input.Required, "missing"), (none.Code, none.ParamName));
        Assert.Equal((ErrorCodes.Input.Required, "blank"), (spaces.Code, spaces.ParamName));
    }

    [Fact]
    public void Optional_Blank_IsNull()
    {
        Assert.Null(FreeText.Optional(null));
        Assert.Null(FreeText.Optional("  "));
        Assert.Equal("floor 2", FreeText.Optional(" floor 2 "));
    }

    [Fact]
    public void Optional_ControlCharacter_Throws()
    {
        var line2 = "floor\u00002";

        var error = Assert.Throws<InvalidInputException>(() => FreeText.Optional(line2));

        Assert.Equal("line2", error.ParamName);
    }
}
