using MiniTorch;

// y = x · sin x at x = 0.5, with Sin written below as a function of our own.
var x = new Scalar(0.5, "x");
var y = Scalar.Apply<Sin>(x) * x;
y.Backward();
Console.WriteLine($"y = {y.Data:F6}, dy/dx = {x.Derivative:F6}");   // dy/dx = sin x + x cos x

// DerivativeCheck compares Backward with the central difference and throws if they disagree.
foreach (var at in new[] { -3.0, -1.0, 0.0, 0.5, 2.0 })
{
    Scalar.DerivativeCheck(v => Scalar.Apply<Sin>(v[0]) * v[0], new Scalar(at));
}

Console.WriteLine("Sin passes the derivative check at -3, -1, 0, 0.5 and 2");

/// <summary>sin(a): the forward pass saves a, the backward pass multiplies d by cos(a).</summary>
internal readonly struct Sin : IScalarFunction
{
    public static string Name => "Sin";

    public static int Arity => 1;

    public static double Forward(Context ctx, ReadOnlySpan<double> inputs)
    {
        ctx.SaveForBackward(inputs[0]);
        return Math.Sin(inputs[0]);
    }

    public static void Backward(Context ctx, double dOutput, Span<double> dInputs) =>
        dInputs[0] = Math.Cos(ctx.SavedValues[0]) * dOutput;
}
