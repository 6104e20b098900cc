using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace EcoDrive.Benchmarks;

/// <summary>
/// The single-core memory bandwidth of this machine, measured in the same run as the KPI benchmarks: a vectorised sum
/// of a 1 GiB <see cref="long"/> array (far larger than any cache). GB/s = 1.0737 / mean in seconds. The KPI fast paths'
/// bytes per row divided by their time per row compare against it.
/// </summary>
public class MemoryBandwidthBenchmarks
{
    private const int Longs = 1 << 27; // 1 GiB
    private long[] _data = [];

    [GlobalSetup]
    public void Setup()
    {
        _data = GC.AllocateUninitializedArray<long>(Longs);
        _data.AsSpan().Fill(1);
    }

    [GlobalCleanup]
    public void Cleanup() => _data = [];

    [Benchmark(Description = "Sum of a 1 GiB long[] (1 core)")]
    public long SumOneGiB()
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(_data);
        Vector512<long> a = default, b = default, c = default, d = default;
        var i = 0;
        for (; i <= _data.Length - 32; i += 32)
        {
            a += Vector512.LoadUnsafe(ref first, (nuint)i);
            b += Vector512.LoadUnsafe(ref first, (nuint)(i + 8));
            c += Vector512.LoadUnsafe(ref first, (nuint)(i + 16));
            d += Vector512.LoadUnsafe(ref first, (nuint)(i + 24));
        }

        var sum = Vector512.Sum(a + b + c + d);
        for (; i < _data.Length; i++)
        {
            sum += _data[i];
        }

        return sum;
    }
}
