using BenchmarkDotNet.Running;
using MiniTorch.Benchmarks;

// `memory [--chain N]` runs the allocation probe, `auto [--trials N]` the run-by-run comparison of the default engine
// with the tape; anything else goes to BenchmarkDotNet (for example --filter '*').
if (args is ["memory", .. var rest])
{
    MemoryProbe.Run(rest);
}
else if (args is ["auto", .. var options])
{
    return AutoAgainstTapeProbe.Run(options);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(StandardWorkload).Assembly).Run(args);
}

return 0;
