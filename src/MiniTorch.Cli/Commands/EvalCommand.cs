using System.CommandLine;
using System.Globalization;
using MiniTorch.Runs;

namespace MiniTorch.Cli.Commands;

/// <summary>
/// <c>minitorch eval</c>: measures a saved model on freshly sampled points (how well it generalises) and draws its
/// boundary over them.
/// </summary>
internal sealed class EvalCommand
{
    private readonly Option<string> _model = new("--model") { Description = "The model.json written by 'minitorch train'.", Required = true };
    private readonly Option<string?> _dataset = CommonOptions.Dataset("The dataset to sample (default: the one the model was trained on).", defaultName: null);
    private readonly Option<int> _points = CommonOptions.Points("Number of fresh points", 200);
    private readonly Option<ulong> _seed = CommonOptions.Seed("the fresh points (spiral draws none)", 7);
    private readonly Option<string?> _out = CommonOptions.OutFolder("Folder for eval-boundary.png and .svg (default: the model's folder).");

    private EvalCommand()
    {
    }

    /// <summary>Builds the <c>eval</c> command.</summary>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create() => new EvalCommand().Build();

    private Command Build()
    {
        var command = new Command("eval", "Measure a saved model's accuracy on freshly sampled points and draw its boundary over them.")
        {
            _model, _dataset, _points, _seed, _out,
        };
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var path = parseResult.GetValue(_model)!;
        var model = Load(path);
        var name = parseResult.GetValue(_dataset) is { } given ? OptionChecks.Dataset(given) : model.Settings.Dataset;
        var points = OptionChecks.Points(parseResult.GetValue(_points));
        var seed = parseResult.GetValue(_seed);
        var folder = OptionChecks.WritableFolder(parseResult.GetValue(_out) ?? FolderOf(path));
        var data = Datasets.Create(name, points, seed);
        var trained = model.Settings;
        var caption = string.Create(CultureInfo.InvariantCulture, $"model of {trained.Dataset} ({trained.Shape}), fresh seed {seed}");
        int correct;
        try
        {
            using var picture = RunFolder.WriteBoundary(folder, "eval-boundary", model.Network, data, caption);
            correct = picture.Correct;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"cannot write the picture: {problem.Message}");
            return MiniTorchCommand.Failure;
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Accuracy on {points} fresh {name} points (seed {seed}): {correct}/{points} ({100.0 * correct / points:F1}%)"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"The model had {model.FinalCorrect}/{trained.TrainingPoints} correct on its {trained.Dataset} training points in its last epoch."));
        output.WriteLine($"Wrote {Path.Combine(folder, "eval-boundary.png")} and eval-boundary.svg");
        return 0;
    }

    private static TrainedModel Load(string path)
    {
        try
        {
            return ModelFile.Load(path);
        }
        catch (InvalidDataException problem)
        {
            throw new UsageException(problem.Message, problem);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"cannot read --model '{path}': {problem.Message}", problem);
        }
    }

    private static string FolderOf(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return string.IsNullOrEmpty(folder) ? "." : folder;
    }
}
