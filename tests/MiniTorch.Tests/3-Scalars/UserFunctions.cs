namespace MiniTorch.Tests;

/// <summary>A user-defined function of three inputs: f(a, b, c) = a · b + c, saving all three (more than fit inline).</summary>
public readonly struct MulAdd : IScalarFunction
{
    public static string Name => "MulAdd";

    public static int Arity => 3;

    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0], inputs[1], inputs[2]);
        return (inputs[0] * inputs[1]) + inputs[2];
    }

    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        var saved = ctx.SavedValues;
        dInputs[0] = saved[1] * dOutput;
        dInputs[1] = saved[0] * dOutput;
        dInputs[2] = dOutput;
    }
}
