using System.Globalization;
using System.Net;

namespace EcoDrive.LoadTest;

/// <summary>How hard and how long to push: bounded by a number of requests and a duration, whichever comes first.</summary>
internal sealed record LoadTestOptions(int Clients, int Requests, TimeSpan Duration, int Products, int StockPerProduct, Uri? Target)
{
    public static LoadTestOptions Default { get; } = new(Clients: 64, Requests: 6_400, Duration: TimeSpan.FromSeconds(60), Products: 3, StockPerProduct: 100, Target: null);

    /// <summary>
    /// Reads <c>--clients</c>, <c>--requests</c>, <c>--duration</c> (seconds), <c>--products</c>, <c>--stock</c> and
    /// <c>--url</c> (an already running host, on a loopback address only).
    /// </summary>
    public static LoadTestOptions Parse(string[] args)
    {
        var options = Default;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = Positive(value, args[i]) },
                "--requests" => options with { Requests = Positive(value, args[i]) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value, args[i])) },
                "--products" => options with { Products = Positive(value, args[i]) },
                "--stock" => options with { StockPerProduct = Positive(value, args[i]) },
                "--url" => options with { Target = Loopback(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --clients, --requests, --duration, --products, --stock or --url."),
            };
        }

        return options;
    }

    private static int Positive(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} needs a positive whole number, not '{text}'.");

    // The load test sends traffic to this machine only.
    private static Uri Loopback(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)
            ? uri
            : throw new ArgumentException($"--url must be a loopback address such as http://127.0.0.1:5080, not '{text}'.");
}
