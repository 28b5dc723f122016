using MiniTorch;

var x = new Scalar(2.0, "x");
var y = new Scalar(3.0, "y");

var z = (x * x * y) + (10.0 * x);   // z = x²y + 10x, recorded as it is computed
z.Backward();                       // the chain rule, from z back to the leaves

Console.WriteLine($"z = {z.Data}, dz/dx = {x.Derivative}, dz/dy = {y.Derivative}");
// prints: z = 32, dz/dx = 22, dz/dy = 4   (2xy + 10 = 22, x² = 4)
