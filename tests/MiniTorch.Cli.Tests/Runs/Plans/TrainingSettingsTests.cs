using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>Task 1.5 as the command and the sandbox plan it: MiniTorch's recommended settings and the default run.</summary>
[Trait("Task", "1.5")]
public sealed class TrainingSettingsTests
{
    [Fact]
    public void The_recommended_settings_are_minitorchs()
    {
        Assert.Equal(new TrainingSettings("Simple", 50, 2, 0.5, 500, 1), TrainingSettings.Recommended("simple"));
        Assert.Equal(10, TrainingSettings.Recommended("xor").Hidden);
    }

    [Fact]
    public void The_default_run_is_minitorchs_recommended_xor_with_seed_1() =>
        Assert.Equal(new TrainingSettings("Xor", 50, 10, 0.5, 500, 1), TrainingSettings.Default);

    [Fact]
    public void The_initial_weights_do_not_repeat_the_points_numbers()
    {
        var settings = new TrainingSettings("simple", 5, 2, 0.5, 1, 1);
        var first = settings.CreateDataset().Points[0];

        Assert.NotEqual(2 * first.X1 - 1, settings.CreateNetwork().Parameters()[0].Value.Data);
    }
}
