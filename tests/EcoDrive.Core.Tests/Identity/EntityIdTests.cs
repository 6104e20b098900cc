namespace EcoDrive.Core.Tests.Identity;

public sealed class EntityIdTests
{
    [Fact]
    public void Parse_TextOfAnId_GivesTheSameId()
    {
        var id = OrderId.New();

        Assert.Equal(id, EntityId.Parse<OrderId>(id.ToString()));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    public void Parse_InvalidText_ThrowsNamingTheIdType(string text)
    {
        var error = Assert.Throws<FormatException>(() => EntityId.Parse<CustomerId>(text));

        Assert.Contains(nameof(CustomerId), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyGuid_Throws()
    {
        Assert.Throws<InvalidInputException>(() => new LeadId(Guid.Empty));
    }

    [Fact]
    public void New_GivesDistinctTimeOrderedGuids()
    {
        var first = InvoiceId.New();
        var second = InvoiceId.New();

        Assert.NotEqual(first, second);
        Assert.Equal(7, first.Value.Version);
    }
}
