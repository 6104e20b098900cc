using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace EcoDrive.LoadTest;

/// <summary>The built web host, run as its own process on a free port of 127.0.0.1, stopped when disposed.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HostProcess> StartAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var hostDirectory = Path.Combine(root, "samples", "EcoDrive.Samples.WebHost");
        var dll = Path.Combine(hostDirectory, "bin", configuration, "net10.0", "EcoDrive.Samples.WebHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first (dotnet build -c {configuration}): {dll} is missing.", dll);
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--contentRoot", hostDirectory, "--urls", address.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the development keys exist in Development only
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        host._process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync(cancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }

        lock (_lastLines)
        {
            throw new InvalidOperationException($"The host did not become healthy at {Address}. Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EcoDrive.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the load test from the repository (EcoDrive.Core.sln not found above it), or pass --url.");
    }
}
