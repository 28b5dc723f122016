using System.Diagnostics;
using System.Text;
using CsCheck;

using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// Task 1.5: whatever a model path names and whatever bytes it holds, loading gives a model or one
/// <see cref="InvalidDataException"/> naming the problem, and never blocks or reads without end.
/// </summary>
[Trait("Task", "1.5")]
public sealed class HostileModelFileTests : IDisposable
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(ModelFile.ToJson(Untrained()));

    private readonly string _folder = Directory.CreateTempSubdirectory("minitorch-hostile-").FullName;

    public static TheoryData<string, string> Malformations => new()
    {
        { Replace("\"Simple\"", "\"Sim\\u00e9ple\""), "unknown dataset 'Siméple'" },
        { Replace("\"formatVersion\": 1,", "\"formatVersion\": 1,\n  \"formatVersion\": 1,"), "'formatVersion' appears more than once" },
        { Replace("\"type\": \"Network\",", "\"type\": \"Network\",\n    \"type\": \"Network\","), "'architecture.type' appears more than once" },
        { Replace("\"name\": \"Simple\",", "\"name\": \"Simple\",\n    \"n\\u0061me\": \"Simple\","), "'dataset.name' appears more than once" },
        { Replace("\"totalLoss\": 34.5", "\"totalLoss\": -0.5"), "'metrics.totalLoss' is -0.5, but the loss of 50 points is at least -50e-6" },
        { Replace("\"totalLoss\": 34.5", "\"totalLoss\": NaN"), "not valid JSON" },
        { Replace("\"totalLoss\": 34.5", "\"totalLoss\": \"NaN\""), "'metrics.totalLoss' must be a number, but is a string" },
        { Replace("\"points\": 50", "\"points\": 10000000000"), "'dataset.points' must be an integer of at least 1, but is 10000000000" },
        { Replace("\"correct\": 25", "\"correct\": 51"), "'metrics.correct' is 51, more than the 50 points" },
        { Replace("\"correct\": 25", "\"correct\": -1"), "'metrics.correct' must be an integer of at least 0, but is -1" },
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Malformations))]
    public void Impossible_or_ambiguous_contents_fail_with_one_line_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ModelFile.FromJson(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_perfectly_classified_run_whose_loss_is_a_hair_below_zero_saves_and_loads()
    {
        // −ln(1 + 10⁻⁶) per point: the loss of two points classified with certainty, as `train --points 2` reaches.
        var settings = new TrainingSettings("xor", 2, 2, 0.5, 1, 1);
        var model = new TrainedModel(settings.CreateNetwork(), settings, -1.9999990000003335e-06, 2);

        var loaded = ModelFile.FromJson(ModelFile.ToJson(model));

        Assert.Equal(model.FinalLoss, loaded.FinalLoss);
        Assert.Throws<ArgumentException>(() => ModelFile.ToJson(new TrainedModel(settings.CreateNetwork(), settings, -2.1e-6, 2)));
    }

    [Fact]
    public void An_invalid_utf8_byte_inside_a_string_names_its_offset()
    {
        var bytes = (byte[])Valid.Clone();
        var offset = Encoding.UTF8.GetString(bytes).IndexOf("Simple", StringComparison.Ordinal) + 2;
        bytes[offset] = 0xFF;

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.FromUtf8(bytes));

        Assert.Equal($"it is not valid UTF-8 (byte offset {offset}); save it as UTF-8", error.Message);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        var loaded = ModelFile.FromUtf8((byte[])[0xEF, 0xBB, 0xBF, .. Valid]);

        Assert.Equal(Untrained().Settings, loaded.Settings);
    }

    [Fact]
    public void A_utf16_byte_order_mark_is_not_utf8()
    {
        var error = Assert.Throws<InvalidDataException>(() => ModelFile.FromUtf8((byte[])[0xFF, 0xFE, .. Valid]));

        Assert.StartsWith("it is not valid UTF-8 (byte offset 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_after_reading_one_byte_more()
    {
        var path = Path.Combine(_folder, "huge.json");
        using (var file = File.Create(path))
        {
            file.SetLength(ModelFile.MaxBytes + 1L);
        }

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Equal($"{path} is not a usable model file: it is larger than {ModelFile.MaxBytes} bytes, the most a model file may hold (a network of hidden width 1000 needs about 55 MB)", error.Message);
    }

    [Fact]
    public void The_widest_network_with_the_longest_numbers_fits_the_size_limit()
    {
        var settings = new TrainingSettings("simple", 100_000, 1000, 0.5, 500, 1);
        var network = settings.CreateNetwork();
        foreach (var parameter in network.Parameters())
        {
            parameter.Update(new Scalar(-1.2345678901234567e-300));
        }

        var bytes = Encoding.UTF8.GetByteCount(ModelFile.ToJson(new TrainedModel(network, settings, double.MaxValue, 100_000)));

        Assert.InRange(bytes, 50_000_000, 56_000_000);
        Assert.True(bytes < ModelFile.MaxBytes);
    }

    [SkippableTheory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/tmp", "a directory")]
    public void Only_regular_files_are_opened(string path, string kind)
    {
        Skip.If(OperatingSystem.IsWindows(), "named pipes and devices are Unix files");

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Equal($"{path} is not a usable model file: it is {kind}, not a regular file", error.Message);
    }

    [SkippableFact]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        Skip.If(OperatingSystem.IsWindows(), "named pipes and devices are Unix files");
        var path = Path.Combine(_folder, "pipe.json");
        using (var mkfifo = Process.Start("mkfifo", path))
        {
            mkfifo.WaitForExit();
        }

        var load = Task.Run(() => ModelFile.Load(path));

        Assert.Same(load, await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(10))));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => load);
        Assert.Equal($"{path} is not a usable model file: it is a named pipe (FIFO), not a regular file", error.Message);
    }

    [Fact]
    public void Any_single_corrupted_byte_gives_a_model_or_invalid_data() =>
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Byte).Sample((offset, value) =>
        {
            var bytes = (byte[])Valid.Clone();
            bytes[offset] = value;
            try
            {
                ModelFile.FromUtf8(bytes);
            }
            catch (InvalidDataException error)
            {
                Assert.DoesNotContain('\n', error.Message);
            }
        }, iter: 2000);

    private static string Replace(string old, string replacement)
    {
        var json = ModelFile.ToJson(Untrained());
        Assert.Contains(old, json, StringComparison.Ordinal);
        return json.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static TrainedModel Untrained()
    {
        var settings = new TrainingSettings("simple", 50, 2, 0.5, 20, 3);
        return new TrainedModel(settings.CreateNetwork(), settings, 34.5, 25);
    }
}
