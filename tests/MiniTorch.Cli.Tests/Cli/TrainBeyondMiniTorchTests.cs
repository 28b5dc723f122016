using System.Globalization;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// <c>minitorch train</c> beyond MiniTorch's settings: the network's layers and activation, the batch size, L2, noise
/// and a test split each reach the run; the log gains the test columns, the model file records every setting and reads
/// back to the same run, and every engine writes the same files.
/// </summary>
[Trait("Task", "1.5")]
public sealed class TrainBeyondMiniTorchTests : IDisposable
{
    private static readonly string[] Options =
        ["train", "--dataset", "circle", "--points", "30", "--hidden", "6,4", "--activation", "tanh", "--batch", "8", "--l2", "0.01", "--noise", "0.2", "--test", "0.3", "--epochs", "25", "--seed", "5"];

    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-train-beyond-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_setting_reaches_the_run_and_the_model_file()
    {
        var run = CommandRun.Of([.. Options, "--out", _folder]);

        Assert.Equal(0, run.ExitCode);
        var model = ModelFile.Load(Path.Combine(_folder, "model.json"));
        var expected = new TrainingSettings("circle", 30, 6, 0.5, 25, 5)
        {
            Shape = new NetworkShape([6, 4], NetworkShape.Tanh),
            BatchSize = 8,
            L2 = 0.01,
            Noise = 0.2,
            TestShare = 0.3,
        };
        Assert.Equal(expected, model.Settings);
        using var library = new TrainingRun(TrainingPlan.Of(expected));
        library.Train();
        var log = File.ReadAllLines(Path.Combine(_folder, "log.csv"));
        Assert.Equal("epoch,loss,correct,test_loss,test_correct", log[0]);
        var last = library.Epochs[^1];
        var test = library.Tests[^1];
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"25,{last.TotalLoss:R},{last.Correct},{test.TotalLoss:R},{test.Correct}"), log[^1]);
        Assert.Equal(new EpochTotals(test.TotalLoss, test.Correct), model.FinalTest);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"/{expected.TrainingPoints} correct in the last epoch"), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_engine_writes_the_same_log_and_model()
    {
        string[] Train(params string[] engine)
        {
            var folder = Path.Combine(_folder, string.Join('-', engine));
            Assert.Equal(0, CommandRun.Of([.. Options, .. engine, "--out", folder]).ExitCode);
            return [File.ReadAllText(Path.Combine(folder, "log.csv")), File.ReadAllText(Path.Combine(folder, "model.json"))];
        }

        var graph = Train("--engine", "graph");
        Assert.Equal(graph, Train("--engine", "tape"));
        Assert.Equal(graph, Train("--engine", "compiled"));
        Assert.Equal(graph, Train("--threads", "2"));
    }

    [Fact]
    public void All_with_layers_keeps_the_recommended_width_of_each_dataset()
    {
        var run = CommandRun.Of("train", "--dataset", "all", "--layers", "1", "--activation", "sigmoid", "--points", "8", "--epochs", "2", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        foreach (var name in MiniTorch.Datasets.Names)
        {
            var shape = ModelFile.Load(Path.Combine(_folder, name.ToLowerInvariant(), "model.json")).Settings.Shape;
            Assert.Equal(new NetworkShape([TrainingSettings.RecommendedHidden(name)], NetworkShape.Sigmoid), shape);
        }

        Assert.Contains("| Simple | 2 sigmoid |", File.ReadAllText(Path.Combine(_folder, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void One_width_with_layers_gives_that_many_layers_of_it()
    {
        Assert.Equal(0, CommandRun.Of("train", "--hidden", "5", "--layers", "3", "--points", "8", "--epochs", "2", "--out", _folder).ExitCode);

        var model = ModelFile.Load(Path.Combine(_folder, "model.json"));
        Assert.Equal(new NetworkShape([5, 5, 5]), model.Settings.Shape);
        Assert.Equal(["layer1", "layer2", "layer3", "layer4"], model.Network.NamedModules().Select(m => m.Key));
    }
}
