using System.Text.Json;

namespace EcoDrive.Core.Tests.Identity;

public sealed class EntityIdJsonTests
{
    [Fact]
    public void Json_WritesTheGuidAsAStringAndReadsItBack()
    {
        var id = CustomerId.New();

        var json = JsonSerializer.Serialize(id);

        Assert.Equal($"\"{id}\"", json);
        Assert.Equal(id, JsonSerializer.Deserialize<CustomerId>(json));
    }

    [Fact]
    public void Json_AsDictionaryKey_RoundTrips()
    {
        var totals = new Dictionary<OrderId, int> { [OrderId.New()] = 3 };

        var read = JsonSerializer.Deserialize<Dictionary<OrderId, int>>(JsonSerializer.Serialize(totals));

        Assert.Equal(totals, read);
    }

    [Theory]
    [InlineData("\"not-a-guid\"")]
    [InlineData("\"00000000-0000-0000-0000-000000000000\"")]
    public void Json_InvalidId_ThrowsJsonExceptionNamingTheType(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LeadId>(json));

        Assert.Contains(nameof(LeadId), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ValueObjects_AreWrittenAsTheirText()
    {
        var json = JsonSerializer.Serialize(
            new { Segment = ProductSegment.CityCar, Email = Core.Customers.EmailAddress.Parse("A@B.fr"), Phone = Core.Customers.PhoneNumber.Parse("06 12 34 56 78") },
            EcoDriveJson.Options);

        Assert.Equal("""{"segment":"city-car","email":"a@b.fr","phone":"+33612345678"}""", json);
    }
}
