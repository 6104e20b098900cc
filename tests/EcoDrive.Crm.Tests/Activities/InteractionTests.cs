using EcoDrive.Crm.Activities;

namespace EcoDrive.Crm.Tests.Activities;

public sealed class InteractionTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Log_KeepsWhoWithWhomHowWhenAndTheTrimmedNote()
    {
        var sophie = UserId.New();
        var camille = PartyRef.Customer(CustomerId.New());

        var interaction = Interaction.Log(InteractionId.New(), camille, InteractionKind.TestDrive, sophie, s_at, "  loved the Volt X5  ");

        Assert.Equal((camille, InteractionKind.TestDrive, sophie, s_at, "loved the Volt X5"), (interaction.Party, interaction.Kind, interaction.By, interaction.At, interaction.Note));
    }

    [Fact]
    public void Log_WithoutParty_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => Interaction.Log(InteractionId.New(), default, InteractionKind.Call, UserId.New(), s_at, null));

        Assert.Equal("party", error.ParamName);
    }

    [Fact]
    public void Log_UndefinedKind_ThrowsNamingParameter()
    {
        var error = Assert.Throws<InvalidInputException>(() => Interaction.Log(InteractionId.New(), PartyRef.Lead(LeadId.New()), (InteractionKind)42, UserId.New(), s_at, null));

        Assert.Equal("kind", error.ParamName);
    }
}
