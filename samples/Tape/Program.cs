using MiniTorch;

// Record f(x, w) = log σ(x · w) + w² once, then replay the tape at new inputs: no graph is built per replay.
var tape = Tape.Record(F, 1.0, 0.5);

foreach (var (x, w) in new[] { (2.0, 0.75), (-1.0, 3.0), (0.25, -2.0) })
{
    var replayed = tape.Forward([x, w]);
    tape.Backward();
    var (dx, dw) = (tape.Gradients[0], tape.Gradients[1]);

    // The same point the ordinary way: build the graph and call Backward.
    var sx = new Scalar(x);
    var sw = new Scalar(w);
    var built = F([sx, sw]);
    built.Backward();
    var same = replayed == built.Data && dx == sx.Derivative && dw == sw.Derivative;
    Console.WriteLine($"f({x}, {w}) = {replayed:F6}, df/dx = {dx:F6}, df/dw = {dw:F6}, same as Backward: {same}");
}

// A branch on a value is frozen at recording: at x·w < 0 this function takes another path, and Verify says so.
var branching = Tape.Record(Branching, 1.0, 0.5);
try
{
    branching.Verify(Branching, [-1.0, 0.5]);
}
catch (TapeMismatchException problem)
{
    Console.WriteLine($"Verify: {problem.Message}");
}

static Scalar F(Scalar[] v) => (v[0] * v[1]).Sigmoid().Log() + (v[1] * v[1]);

static Scalar Branching(Scalar[] v) => (v[0] * v[1]).Data > 0 ? F(v) : v[1] * v[1];
