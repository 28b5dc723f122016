using System.Globalization;
using MiniTorch;

// Gradient descent on Rosenbrock's function f(x, y) = (1 - x)² + 100 (y - x²)², whose minimum 0 lies at (1, 1) at
// the end of a long, flat, curved valley. Backward gives the gradient; each step moves against it.
// `dotnet run --project samples/Optimize -- 200` takes 200 steps instead of 5000.
const double rate = 0.001;
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var (x, y) = (-1.5, 2.0);

for (var step = 0; step <= steps; step++)
{
    var sx = new Scalar(x, "x");
    var sy = new Scalar(y, "y");
    var f = Rosenbrock(sx, sy);
    f.Backward();
    if (step % Math.Max(1, steps / 10) == 0 || step == steps)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step,5}: x = {x,9:F6}, y = {y,9:F6}, f = {f.Data:G6}"));
    }

    x -= rate * sx.Derivative!.Value;
    y -= rate * sy.Derivative!.Value;
}

static Scalar Rosenbrock(Scalar x, Scalar y)
{
    var a = 1.0 - x;
    var b = y - (x * x);
    return (a * a) + (100.0 * b * b);
}
