#:package ScottPlot
#:project ../src/MiniTorch/MiniTorch.csproj
using MiniTorch;
using ScottPlot;

var plot = new Plot();
plot.Add.Scatter(new double[] { 1, 2 }, new double[] { 3, 4 });
Console.WriteLine(Autodiff.CentralDifference(v => v[0] * v[0], [3.0]));
