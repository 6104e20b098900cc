using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace EcoDrive.LoadTest;

/// <summary>The built web host, run as its own process on a free port of 127.0.0.1, stopped when disposed; counts what it logs.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly List<string> _firstProblems = [];
    private int _problemLinesToKeep;

    private HostProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    /// <summary>"host 1", "host 2": how the run's output names it.</summary>
    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Log entries at warning level the host wrote (its default log level is Warning).</summary>
    public int Warnings { get; private set; }

    /// <summary>Log entries at error or critical level the host wrote.</summary>
    public int Errors { get; private set; }

    /// <summary>The exit code when the host stopped by itself during the run; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The first few warnings and errors the host logged, each with the first lines of its message.</summary>
    public IReadOnlyList<string> FirstProblems
    {
        get
        {
            lock (_lastLines)
            {
                return [.. _firstProblems];
            }
        }
    }

    /// <summary>
    /// Starts the built host in the Development environment (where the development API keys exist) on a free port of
    /// 127.0.0.1 with the given command-line configuration and environment, and waits until <c>/health</c> answers —
    /// which means its storage answered a read, so its schema exists.
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string name, IEnumerable<string> configuration, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var buildConfiguration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var hostDirectory = Path.Combine(root, "samples", "EcoDrive.Samples.WebHost");
        var dll = Path.Combine(hostDirectory, "bin", buildConfiguration, "net10.0", "EcoDrive.Samples.WebHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first (dotnet build -c {buildConfiguration}): {dll} is missing.", dll);
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--contentRoot", hostDirectory, "--urls", address.ToString() }.Concat(configuration))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the development keys exist in Development only
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var host = new HostProcess(name, Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        host._process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

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

            // The console logger's entries: "warn: Category[event]" then the message, indented, on the next lines.
            var warning = line.StartsWith("warn:", StringComparison.Ordinal);
            var error = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
            Warnings += warning ? 1 : 0;
            Errors += error ? 1 : 0;
            if ((warning || error) && _firstProblems.Count < 30)
            {
                _firstProblems.Add(line);
                _problemLinesToKeep = 3;
            }
            else if (_problemLinesToKeep > 0 && line.StartsWith(' '))
            {
                _firstProblems.Add(line);
                _problemLinesToKeep--;
            }
            else
            {
                _problemLinesToKeep = 0;
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
