using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EcoDrive.Benchmarks;

// --quick: 1M facts only, in process, one warm-up and three measured iterations (a smoke run that finishes in
// minutes). Without it: N = 1M and 10M, one process per benchmark case, 3 warm-up and 10 measured iterations.
var quick = args.Contains("--quick");
args = [.. args.Where(arg => arg != "--quick")];
if (quick)
{
    Environment.SetEnvironmentVariable(BenchmarkSizes.Variable, "1000000");
}

var job = quick
    ? Job.Default.WithId("Quick").WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1)
    : Job.Default.WithId("Full").WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1);
// The machine is shared with other builds: the median resists their bursts better than the mean.
var config = DefaultConfig.Instance.AddJob(job.AsDefault()).AddColumn(StatisticColumn.Median).WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSizes).Assembly).Run(args, config);
