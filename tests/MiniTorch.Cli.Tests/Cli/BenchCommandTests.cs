using System.Globalization;
using System.Text.Json;
using MiniTorch.Cli;
using MiniTorch.Cli.Commands;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Cli;

/// <summary>
/// <c>minitorch bench</c> in-process with two epochs, one run and one warm-up round (<see cref="CommandRun.Quick"/>): the shape of
/// the tables and of the JSON, the agreement check and bad input. No assertion depends on how fast anything ran.
/// </summary>
[Trait("Task", "1.5")]
public sealed class BenchCommandTests
{
    private static readonly string[] Engines = ["hand-written", "graph", "tape", "compiled scalar", "compiled vector", "auto"];

    private static readonly string[] WideEngines = ["hand-written", "tape", "compiled scalar", "compiled vector", "auto"];

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--epochs", "0"], "--epochs must be at least 1 (got 0)" },
        { ["--repeat", "0"], "--repeat must be at least 1 (got 0)" },
        { ["--repeat", "-3", "--json"], "--repeat must be at least 1 (got -3)" },
        { ["--threads", "0"], "--threads must be between 1 and 64 (got 0)" },
        { ["--threads", "65", "--json"], "--threads must be between 1 and 64 (got 65)" },
    };

    [Fact]
    public void The_table_has_a_row_per_engine_with_the_baseline_as_the_unit()
    {
        var run = CommandRun.In(CommandRun.Quick, "bench", "--epochs", "2", "--repeat", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.Output.Split('\n');
        Assert.StartsWith($"Standard workload: Xor, 50 points, hidden 10, rate 0.5, seed 1; {StandardOpsPerEpoch()} scalar ops per epoch", lines[0], StringComparison.Ordinal);
        var header = Array.FindIndex(lines, l => l.StartsWith("engine ", StringComparison.Ordinal));
        Assert.Equal(["engine", "median s", "ns/op", "B/op", "B/epoch", "x baseline", "x w/o compile"], Cells(lines[header]));
        var rows = lines.Skip(header + 1).Take(Engines.Length).Select(Cells).ToArray();
        Assert.Equal(Engines, rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.All(r.Skip(1), cell => double.Parse(cell, CultureInfo.InvariantCulture)));
        Assert.Equal(["1.00", "1.00"], rows[0][5..]);
        Assert.Equal(["0.0", "0"], rows[0][3..5]);
        Assert.Equal("9664", rows[2][4]);
        Assert.Equal(["0", "0"], rows[3..5].Select(r => r[4]));
        Assert.Contains(lines, l => l.StartsWith("Final loss: graph = tape = compiled scalar = compiled vector = auto = ", StringComparison.Ordinal) && l.Contains("bit for bit", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("compiled scalar and compiled vector record and compile in their first epoch: ", StringComparison.Ordinal) && l.Contains(" ms for 159 steps;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("auto compiles on another thread (", StringComparison.Ordinal));
    }

    [Fact]
    public void The_wide_network_has_a_table_of_its_own_per_epoch()
    {
        var run = CommandRun.In(CommandRun.Quick, "bench", "--epochs", "2", "--repeat", "1");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"Wide network: Xor, 150 points, hidden 200, rate 0.5, seed 1; {WideOpsPerEpoch()} scalar ops per epoch", StringComparison.Ordinal));
        var header = Array.FindIndex(lines, l => l.StartsWith("engine ", StringComparison.Ordinal) && l.Contains("ms/epoch", StringComparison.Ordinal));
        var rows = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).Select(Cells).ToArray();
        Assert.Equal(["engine", "ms/epoch", "x baseline"], Cells(lines[header]));
        Assert.Equal(WideEngines, rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.All(r.Skip(1), cell => double.Parse(cell, CultureInfo.InvariantCulture)));
        Assert.Equal("1.00", rows[0][2]);
    }

    [Fact]
    public void Threads_above_1_add_a_row_for_the_threaded_tape_engine_which_agrees_bit_for_bit()
    {
        var run = CommandRun.In(CommandRun.Quick, "bench", "--epochs", "2", "--repeat", "1", "--threads", "2");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("engine ", StringComparison.Ordinal));
        var rows = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).Select(Cells).ToArray();
        Assert.Equal([.. Engines, "tape x2"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.All(r.Skip(1), cell => double.Parse(cell, CultureInfo.InvariantCulture)));
        Assert.Contains(lines, l => l.StartsWith("Final loss: graph = tape = compiled scalar = compiled vector = auto = tape x2 = ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_holds_the_same_numbers_as_one_object()
    {
        var run = CommandRun.In(CommandRun.Quick, "bench", "--epochs", "2", "--repeat", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("Xor", root.GetProperty("workload").GetProperty("dataset").GetString());
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.Equal(1, root.GetProperty("repeat").GetInt32());
        Assert.Equal(StandardOpsPerEpoch(), root.GetProperty("opsPerEpoch").GetInt64());
        Assert.True(root.GetProperty("graphEqualsTape").GetBoolean());
        Assert.True(root.GetProperty("baselineRelativeDifference").GetDouble() <= BenchAgreement.BaselineTolerance);
        var engines = root.GetProperty("engines").EnumerateArray().ToArray();
        Assert.Equal(Engines, engines.Select(e => e.GetProperty("engine").GetString()));
        foreach (var name in new[] { "medianSeconds", "firstEpochSeconds", "nsPerOp", "bytesPerOp", "stepBytesPerOp", "lastEpochBytes", "ratioToBaseline", "finalLoss", "compileSeconds", "compiledSteps", "compiledFromEpoch", "ratioWithoutCompiling" })
        {
            Assert.All(engines, e => Assert.True(e.GetProperty(name).GetDouble() >= 0, name));
        }

        Assert.Equal(1.0, engines[0].GetProperty("ratioToBaseline").GetDouble());
        Assert.Equal(0.0, engines[0].GetProperty("bytesPerOp").GetDouble());
        Assert.All(engines[2..], e => Assert.Equal(engines[1].GetProperty("finalLoss").GetDouble(), e.GetProperty("finalLoss").GetDouble()));
        Assert.Equal([0, 0, 0, 159, 159], engines[..5].Select(e => e.GetProperty("compiledSteps").GetInt32()));
        Assert.Equal([0, 0, 0, 1, 1], engines[..5].Select(e => e.GetProperty("compiledFromEpoch").GetDouble()));
        Assert.All(engines[3..], e => Assert.Equal(0.0, e.GetProperty("stepBytesPerOp").GetDouble()));
        var wide = root.GetProperty("wide");
        Assert.Equal(200, wide.GetProperty("workload").GetProperty("hidden").GetInt32());
        Assert.Equal(WideEngines, wide.GetProperty("engines").EnumerateArray().Select(e => e.GetProperty("engine").GetString()));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_2_with_one_line_on_stderr(string[] args, string message)
    {
        var run = CommandRun.In(CommandRun.Quick, ["bench", .. args]);

        Assert.Equal(MiniTorchCommand.UsageError, run.ExitCode);
        Assert.Equal([message], run.ErrorLines);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Agreeing_engines_pass_the_check()
    {
        Assert.Null(BenchAgreement.Problem((2.5, [1.0, -0.0]), (2.5, [1.0, -0.0]), 2.5 * (1 + 1e-13)));
        Assert.Null(BenchAgreement.Problem((0.0, [1.0]), (0.0, [1.0]), 0.0));
    }

    [Fact]
    public void Graph_and_tape_must_agree_bit_for_bit()
    {
        var loss = BenchAgreement.Problem((2.5, [1.0]), (Math.BitIncrement(2.5), [1.0]), 2.5);
        var parameter = BenchAgreement.Problem((2.5, [1.0, 0.0]), (2.5, [1.0, -0.0]), 2.5);

        Assert.Equal("engines disagree: graph ends at loss 2.5 but tape at 2.5000000000000004; they must be identical bit for bit", loss);
        Assert.Equal("engines disagree: graph and tape end with parameter 1 at 0 and -0; they must be identical bit for bit", parameter);
        Assert.Equal(
            "engines disagree: graph ends at loss 2.5 but tape x3 at 2.5000000000000004; they must be identical bit for bit",
            BenchAgreement.Problem((2.5, [1.0]), (Math.BitIncrement(2.5), [1.0]), 2.5, "tape x3"));
    }

    [Fact]
    public void The_baseline_must_agree_within_a_relative_1e_12()
    {
        var problem = BenchAgreement.Problem((2.0, [1.0]), (2.0, [1.0]), 2.0 * (1 + 1e-11));

        Assert.Equal("engines disagree: hand-written ends at loss 2.00000000002 but graph at 2, a relative difference of 1E-11 (at most 1E-12 allowed)", problem);
        Assert.NotNull(BenchAgreement.Problem((2.0, [1.0]), (2.0, [1.0]), double.NaN));
    }

    /// <summary>The standard workload's operations per epoch: 284 nodes per point of class 1, two more for class 0.</summary>
    private static long StandardOpsPerEpoch()
    {
        var data = TrainingSettings.Recommended("xor", 1).CreateDataset();
        return data.Labels.Sum(label => label == 1 ? 284L : 286L);
    }

    /// <summary>
    /// The wide network's operations per epoch: per point a product and a sum per weight (2H + H² + H with H = 200),
    /// a relu per hidden unit, the sigmoid, log, negation and division: 81,604 nodes for class 1, two more for class 0.
    /// </summary>
    private static long WideOpsPerEpoch()
    {
        var data = Datasets.Xor(150, 1);
        return data.Labels.Sum(label => label == 1 ? 81_604L : 81_606L);
    }

    private static string[] Cells(string line) =>
        line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
