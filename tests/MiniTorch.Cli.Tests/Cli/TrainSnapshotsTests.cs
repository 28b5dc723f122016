using System.Globalization;
using System.Text.RegularExpressions;
using MiniTorch.Cli.Commands;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>Task 1.5: <c>minitorch train --snapshots</c> draws the boundary at chosen epochs without changing the training.</summary>
[Trait("Task", "1.5")]
public sealed partial class TrainSnapshotsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-snapshots-").FullName;

    public static TheoryData<string, string> BadLists => new()
    {
        { "0,x", "--snapshots '0,x': 'x' is not an epoch; write whole numbers separated by commas, for example --snapshots 0,10,50,200,500" },
        { "-1", "--snapshots '-1': '-1' is not an epoch; write whole numbers separated by commas, for example --snapshots 0,10,50,200,500" },
        { "0,,5", "--snapshots '0,,5': '' is not an epoch; write whole numbers separated by commas, for example --snapshots 0,10,50,200,500" },
        { "0,9", "--snapshots: epoch 9 is beyond --epochs 8; use epochs from 0 to 8" },
        { "5,5", "--snapshots: 5 follows 5; list each epoch once, in increasing order, for example --snapshots 0,10,50,200,500" },
        { "6,2", "--snapshots: 2 follows 6; list each epoch once, in increasing order, for example --snapshots 0,10,50,200,500" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("graph")]
    [InlineData("tape")]
    public void Snapshots_leave_the_log_and_the_model_unchanged(string engine)
    {
        string[] Train(string name, params string[] extra)
        {
            var folder = Path.Combine(_folder, name);
            var run = CommandRun.Of(["train", "--points", "12", "--epochs", "9", "--engine", engine, "--out", folder, .. extra]);
            Assert.Equal(0, run.ExitCode);
            return [File.ReadAllText(Path.Combine(folder, "log.csv")), File.ReadAllText(Path.Combine(folder, "model.json"))];
        }

        Assert.Equal(Train("plain"), Train("strip", "--snapshots", "0,1,4,9"));
    }

    [Fact]
    public void The_strip_has_one_picture_per_epoch_five_to_a_row()
    {
        var run = CommandRun.Of("train", "--points", "10", "--epochs", "6", "--snapshots", "0,1,2,3,4,5,6", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        PictureFiles.AssertPng(Path.Combine(_folder, "snapshots.png"), 5 * FilmStrip.CellWidth, 2 * FilmStrip.CellHeight);
        PictureFiles.AssertSvg(Path.Combine(_folder, "snapshots.svg"));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], Titles().Select(t => t.Epoch));
    }

    [Fact]
    public void Epoch_0_shows_the_initial_model_and_the_last_epoch_the_saved_one()
    {
        var settings = new TrainingSettings("Circle", points: 30, hidden: 4, learningRate: 0.5, epochs: 40, seed: 3);
        var run = CommandRun.Of("train", "--dataset", "circle", "--points", "30", "--hidden", "4", "--epochs", "40", "--seed", "3", "--snapshots", "0,40", "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        var data = settings.CreateDataset();
        var saved = ModelFile.Load(Path.Combine(_folder, "model.json")).Network;
        Assert.Equal(
            [(0, Predictions.CountCorrect(settings.CreateNetwork(), data)), (40, Predictions.CountCorrect(saved, data))],
            Titles());
    }

    [Fact]
    public void Points_from_a_file_get_a_strip_too()
    {
        var data = Path.Combine(_folder, "corners.csv");
        File.WriteAllText(data, "x1,x2,label\n0.1,0.1,0\n0.9,0.9,0\n0.1,0.9,1\n0.9,0.1,1\n");
        var run = Path.Combine(_folder, "run");

        Assert.Equal(0, CommandRun.Of("train", "--data", data, "--hidden", "3", "--epochs", "5", "--snapshots", "0,5", "--out", run).ExitCode);

        PictureFiles.AssertPng(Path.Combine(run, "snapshots.png"), 2 * FilmStrip.CellWidth, FilmStrip.CellHeight);
    }

    [Fact]
    public void Without_the_option_no_strip_is_written()
    {
        Assert.Equal(0, CommandRun.Of("train", "--points", "6", "--epochs", "2", "--out", _folder).ExitCode);

        Assert.False(File.Exists(Path.Combine(_folder, "snapshots.png")));
    }

    [Theory]
    [MemberData(nameof(BadLists))]
    public void A_bad_list_exits_2_with_one_line_and_trains_nothing(string list, string message)
    {
        var folder = Path.Combine(_folder, "run");
        var run = CommandRun.Of("train", "--epochs", "8", "--snapshots", list, "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message], run.ErrorLines);
        Assert.False(Directory.Exists(folder));
    }

    // The titles are text in the SVG: "<dataset>, epoch K: C/N correct".
    private (int Epoch, int Correct)[] Titles() =>
        [.. Title().Matches(File.ReadAllText(Path.Combine(_folder, "snapshots.svg")))
            .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"epoch (\d+): (\d+)/\d+ correct")]
    private static partial Regex Title();
}
