using System.Text.Json;

namespace EcoDrive.Core.Tests.Money;

public sealed class VatRateJsonTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(5.5)]
    [InlineData(0)]
    public void Deserialize_WhatSerializeWrote_GivesTheSameRate(decimal percent)
    {
        var rate = new VatRate(percent);

        var json = JsonSerializer.Serialize(rate, EcoDriveJson.Options);

        Assert.Equal(rate, JsonSerializer.Deserialize<VatRate>(json, EcoDriveJson.Options));
    }
}
