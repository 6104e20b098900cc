using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EcoDrive.Core.Tests;

/// <summary>Turns our JSON into a token for Snapshooter, keeping dates as the text we wrote (no time-zone conversion).</summary>
internal static class JsonSnapshot
{
    public static JToken Of(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
