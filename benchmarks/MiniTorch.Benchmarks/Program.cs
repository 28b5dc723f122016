using BenchmarkDotNet.Running;
using MiniTorch.Benchmarks;

// `memory [--chain N]` runs the allocation probe; anything else goes to BenchmarkDotNet (for example --filter '*').
if (args is ["memory", .. var rest])
{
    MemoryProbe.Run(rest);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(StandardWorkload).Assembly).Run(args);
}
