using System.Globalization;
using MiniTorch.CourseWriter;

namespace MiniTorch.Tests;

/// <summary>
/// The results the course's README tells the learner to expect are the library's: the course trains with the graph
/// engine, which gives the tape's numbers bit for bit, so the fast tape checks them here. (CI also trains Xor in the
/// finished course and compares its log with the library's.)
/// </summary>
[Trait("Task", "1.5")]
public sealed class CourseReadmeTests
{
    public static TheoryData<string> Datasets => [.. CourseReadme.ExpectedResults.Select(r => r.Dataset)];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void The_expected_results_are_what_the_recommended_run_of_seed_1_gives(string dataset)
    {
        var expected = CourseReadme.ExpectedResults.Single(r => r.Dataset == dataset);
        var (network, data) = Setup(dataset, expected.Hidden);

        var final = new Trainer(network, data, 0.5, new TapeEngine()).Train(500).Final;

        Assert.Equal(expected.FinalLoss, final.TotalLoss.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(expected.Correct, final.Correct);
        Assert.Equal(expected.CorrectAfterLastStep, Predictions.CountCorrect(network, data));
    }

    [Fact]
    public void The_expected_log_line_is_the_default_runs_tenth_epoch()
    {
        var (network, data) = Setup("Xor", 10);

        var epoch10 = new Trainer(network, data, 0.5, new TapeEngine()).Train(10).Final;

        Assert.Equal(CourseReadme.XorEpoch10, string.Create(CultureInfo.InvariantCulture, $"Epoch 10 loss {epoch10.TotalLoss:R} correct {epoch10.Correct}"));
    }

    // MiniTorch's recommended run: 50 points and seed 1, the network's generator seeded with SplitMix64.Mix(seed).
    private static (Network Network, Dataset Data) Setup(string dataset, int hidden) =>
        (new Network(hidden, new SplitMix64(SplitMix64.Mix(1))), MiniTorch.Datasets.Create(dataset, 50, 1));
}
