using System.Reflection;

namespace MiniTorch.Tests;

/// <summary>Runs a sample's program in this process, as <c>dotnet run --project samples/NAME -- ARGS</c> would, and captures what it prints.</summary>
internal static class SampleProgram
{
    private static readonly Lock ConsoleLock = new();

    /// <summary>Runs the entry point of the sample assembly <paramref name="name"/> with <paramref name="args"/>.</summary>
    /// <param name="name">The sample's project name, which is its assembly name.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The lines it printed.</returns>
    public static string[] Run(string name, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        lock (ConsoleLock)
        {
            var original = Console.Out;
            Console.SetOut(output);
            try
            {
                Assembly.Load(name).EntryPoint!.Invoke(null, [args]);
            }
            finally
            {
                Console.SetOut(original);
            }
        }

        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
