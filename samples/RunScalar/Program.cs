using System.Globalization;
using MiniTorch;

// The shape of MiniTorch's project/run_scalar.py: the settings, a plain training loop, a log line every 10 epochs.
// `dotnet run --project samples/RunScalar -- 20` runs 20 epochs instead of 500.
const int points = 50;
const int hidden = 2;
const double rate = 0.5;
const ulong seed = 1;
var epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var data = Datasets.Simple(points, seed);

var model = new Network(hidden, new SplitMix64(SplitMix64.Mix(seed)));
var optimizer = new Sgd(model.Parameters(), rate);
for (var epoch = 1; epoch <= epochs; epoch++)
{
    var totalLoss = 0.0;
    var correct = 0;
    optimizer.ZeroGrad();
    for (var i = 0; i < data.Count; i++)
    {
        var (x1, x2) = (Scalar.Constant(data.Points[i].X1), Scalar.Constant(data.Points[i].X2));
        var output = model.Call([x1, x2]);
        Scalar prob;
        if (data.Labels[i] == 1)
        {
            prob = output;
            correct += output.Data > 0.5 ? 1 : 0;
        }
        else
        {
            prob = -output + 1.0;
            correct += output.Data < 0.5 ? 1 : 0;
        }

        var loss = -prob.Log();
        (loss / data.Count).Backward();
        totalLoss += loss.Data;
    }

    optimizer.Step();
    if (epoch % 10 == 0 || epoch == epochs)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch} loss {totalLoss:R} correct {correct}"));
    }
}
