using System.Globalization;

namespace EcoDrive.Benchmarks;

/// <summary>The fact counts the KPI benchmarks run at: 1M and 10M, or the comma-separated list in <see cref="Variable"/>.</summary>
public static class BenchmarkSizes
{
    /// <summary>The environment variable that overrides the sizes (the <c>--quick</c> switch sets it to 1M).</summary>
    public const string Variable = "ECODRIVE_BENCH_SIZES";

    /// <summary>The sizes.</summary>
    public static IEnumerable<int> Values =>
        (Environment.GetEnvironmentVariable(Variable) ?? "1000000,10000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size, CultureInfo.InvariantCulture));
}
