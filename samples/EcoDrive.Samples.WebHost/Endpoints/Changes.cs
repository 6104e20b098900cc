using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDrive.Samples.WebHost.Endpoints;

/// <summary>Answers for endpoints that change something and return nothing.</summary>
internal static class Changes
{
    /// <summary>Awaits <paramref name="change"/>, then answers 204 No Content (typed, so OpenAPI documents it).</summary>
    public static async Task<NoContent> NoContentAfter(Task change)
    {
        await change;
        return TypedResults.NoContent();
    }
}
