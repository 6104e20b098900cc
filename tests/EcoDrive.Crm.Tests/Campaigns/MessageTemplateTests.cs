using EcoDrive.Crm.Campaigns;

namespace EcoDrive.Crm.Tests.Campaigns;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Render_ReplacesEveryPlaceholderAndKeepsEscapedBraces()
    {
        var template = MessageTemplate.Parse("Bonjour {firstName}, le {model} est à {offer} {{jusqu'au 31}}");

        var text = template.Render(new Dictionary<Placeholder, string>
        {
            [Placeholder.FirstName] = "Camille",
            [Placeholder.Model] = "Volt X5",
            [Placeholder.Offer] = "-10 %",
        });

        Assert.Equal("Bonjour Camille, le Volt X5 est à -10 % {jusqu'au 31}", text);
        Assert.Equal([Placeholder.FirstName, Placeholder.Model, Placeholder.Offer], template.Placeholders);
    }

    [Fact]
    public void Parse_UnknownPlaceholder_IsATypedErrorNamingIt()
    {
        var error = Assert.Throws<UnknownPlaceholderException>(() => MessageTemplate.Parse("Bonjour {prenom} !"));

        Assert.Equal("campaign.unknown-placeholder", error.Code);
        Assert.Equal("prenom", error.Placeholder);
        Assert.Equal(["firstName", "model", "offer"], error.Known);
        Assert.Contains("{prenom}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{firstName}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bonjour {firstName")]
    [InlineData("Bonjour firstName}")]
    public void Parse_StrayBrace_IsASyntaxError(string text)
    {
        Assert.Equal("campaign.template-syntax", Assert.Throws<DomainException>(() => MessageTemplate.Parse(text)).Code);
    }

    [Fact]
    public void CampaignMessage_PlaceholderWithoutValue_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => CampaignMessage.Create("Le {model}", "Bonjour {firstName}", model: null, offer: "-10 %"));

        Assert.Equal("campaign.placeholder-without-value", error.Code);
        Assert.Contains("{model}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CampaignMessage_RenderFor_FillsSubjectAndBody()
    {
        var message = CampaignMessage.Create("{model} : {offer}", "Bonjour {firstName} !", "Volt X5", "-10 %");

        Assert.Equal(("Volt X5 : -10 %", "Bonjour Camille !"), message.RenderFor("Camille"));
    }
}
