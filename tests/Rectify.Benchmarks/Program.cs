using BenchmarkDotNet.Running;
using Rectify.Benchmarks.Bare;

namespace Rectify.Benchmarks;

public static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        if (args is [BareApi.Switch, var database, .. var hostArguments])
            await BareApi.RunAsync(database, hostArguments);
        else
            BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
