namespace MiniTorch.Tests;

/// <summary>A user-defined function that is not a function of its input: it adds how often it has been called.</summary>
public readonly struct Drifting : IScalarFunction
{
    private static int s_calls;

    public static string Name => "Drifting";

    public static int Arity => 1;

    public static double Forward(Context ctx, ReadOnlySpan<double> inputs) => inputs[0] + Interlocked.Increment(ref s_calls);

    public static void Backward(Context ctx, double dOutput, Span<double> dInputs) => dInputs[0] = dOutput;
}
