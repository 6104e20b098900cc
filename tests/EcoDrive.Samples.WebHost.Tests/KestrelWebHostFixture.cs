namespace EcoDrive.Samples.WebHost.Tests;

/// <summary>
/// The web host on a real Kestrel port on 127.0.0.1 (a free one, chosen at start), so that a browser can reach it;
/// its clients talk to that port over real HTTP.
/// </summary>
public sealed class KestrelWebHostFixture : WebHostFixture
{
    public KestrelWebHostFixture() => UseKestrel(0);

    /// <summary>The address the host listens on, e.g. <c>http://127.0.0.1:41234/</c>; starts the host if needed.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }
}
