namespace MiniTorch.Tests;

/// <summary>f(x, y) = x + y + 10, defined through the public extension point as a user would.</summary>
public readonly struct Function1 : IScalarFunction
{
    public static string Name => "Function1";

    public static int Arity => 2;

    public static double Forward(Context ctx, ReadOnlySpan<double> inputs) => inputs[0] + inputs[1] + 10.0;

    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        dInputs[0] = dOutput;
        dInputs[1] = dOutput;
    }
}

/// <summary>f(x, y) = x · y + x, with ∂f/∂x = y + 1 and ∂f/∂y = x.</summary>
public readonly struct Function2 : IScalarFunction
{
    public static string Name => "Function2";

    public static int Arity => 2;

    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0], inputs[1]);
        return (inputs[0] * inputs[1]) + inputs[0];
    }

    public static void Backward(Context ctx, double dOutput, Span<double> dInputs)
    {
        var saved = ctx.SavedValues;
        dInputs[0] = dOutput * (saved[1] + 1.0);
        dInputs[1] = dOutput * saved[0];
    }
}
