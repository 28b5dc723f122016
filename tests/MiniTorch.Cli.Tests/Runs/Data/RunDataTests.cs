using CsCheck;
using MiniTorch.Runs;

namespace MiniTorch.Tests.Runs;

/// <summary>
/// The points of a run beyond MiniTorch's, each drawn from its own stream of the run's seed: noise moves a point by at
/// most noise / 2 per coordinate and keeps its label, a test split holds out ⌊share · N⌋ points, and batches cut the
/// points, shuffled once, into steps of B. None of them changes anything when off.
/// </summary>
[Trait("Task", "1.5")]
public sealed class RunDataTests
{
    private static readonly Gen<int> Count = Gen.Int[1, 120];

    [Fact]
    public void No_noise_no_test_share_and_one_batch_leave_the_points_as_they_are()
    {
        var data = Datasets.Create("xor", 30, 4);

        Assert.Same(data, NoisyPoints.Add(data, 0, 4));
        Assert.Equal((data, (Dataset?)null), TestSplit.Of(data, 0, 4));
        Assert.Same(data, Assert.Single(Batches.Of(data, null, 4)));
        Assert.Same(data, Assert.Single(Batches.Of(data, 30, 4)));
        Assert.Same(data, Assert.Single(Batches.Of(data, 1000, 4)));
    }

    [Fact]
    public void Noise_moves_each_coordinate_by_at_most_half_the_noise_and_keeps_the_labels() =>
        Gen.Select(Count, Gen.Double[0.0, 0.5], Gen.ULong).Sample((count, noise, seed) =>
        {
            var clean = Datasets.Create("circle", count, seed);
            var noisy = NoisyPoints.Add(clean, noise, seed);

            Assert.Equal(clean.Labels, noisy.Labels);
            // One rounding of x + d can add half an ulp of x (below 1e-16 for x < 1).
            var most = (noise / 2) + 1e-16;
            for (var k = 0; k < count; k++)
            {
                Assert.InRange(Math.Abs(noisy.Points[k].X1 - clean.Points[k].X1), 0.0, most);
                Assert.InRange(Math.Abs(noisy.Points[k].X2 - clean.Points[k].X2), 0.0, most);
            }

            Assert.Equal(noisy.Points, NoisyPoints.Add(clean, noise, seed).Points);
        });

    [Fact]
    public void Noise_draws_from_a_stream_of_its_own_not_the_points_one()
    {
        var clean = Datasets.Create("xor", 20, 9);
        var moved = NoisyPoints.Add(clean, 0.5, 9);

        var first = new SplitMix64(9);
        Assert.NotEqual(clean.Points[0].X1 + (0.5 * (first.NextDouble() - 0.5)), moved.Points[0].X1);
        Assert.NotEqual(moved.Points, NoisyPoints.Add(clean, 0.5, 10).Points);
    }

    [Fact]
    public void A_test_split_holds_out_the_floor_of_share_times_n_and_keeps_every_point_once_in_order() =>
        Gen.Select(Count, Gen.Double[0.0, 0.9], Gen.ULong).Sample((count, share, seed) =>
        {
            var data = Datasets.Create("split", count, seed);

            var (train, test) = TestSplit.Of(data, share, seed);

            var held = (int)Math.Floor(share * count);
            Assert.Equal(held, test?.Count ?? 0);
            Assert.Equal(count - held, train.Count);
            var all = data.Points.Select((p, k) => (p, data.Labels[k])).ToList();
            Assert.Equal(all, train.Points.Select((p, k) => (p, train.Labels[k])).Concat(test?.Points.Select((p, k) => (p, test.Labels[k])) ?? []).OrderBy(all.IndexOf));
            Assert.True(IsInOrder(all, train), "training points out of order");
            Assert.True(test is null || IsInOrder(all, test), "test points out of order");
        });

    [Fact]
    public void Batches_cut_the_shuffled_points_into_steps_of_b_with_the_rest_last() =>
        Gen.Select(Gen.Int[2, 120], Gen.Int[1, 119], Gen.ULong).Where((count, size, _) => size < count).Sample((count, size, seed) =>
        {
            var data = Datasets.Create("diag", count, seed);

            var batches = Batches.Of(data, size, seed);

            Assert.Equal((count + size - 1) / size, batches.Count);
            Assert.All(batches.SkipLast(1), batch => Assert.Equal(size, batch.Count));
            Assert.Equal(count - (size * (batches.Count - 1)), batches[^1].Count);
            var pairs = batches.SelectMany(b => b.Points.Select((p, k) => (p, b.Labels[k]))).ToList();
            Assert.Equal(Sorted(data.Points.Select((p, k) => (p, data.Labels[k]))), Sorted(pairs));
            Assert.Equal(pairs, Batches.Of(data, size, seed).SelectMany(b => b.Points.Select((p, k) => (p, b.Labels[k]))));
        });

    [Fact]
    public void The_settings_draw_noise_and_split_from_the_seed_and_count_their_points()
    {
        var settings = new TrainingSettings("xor", 50, 10, 0.5, 500, 3) { Noise = 0.3, TestShare = 0.3 };

        var (train, test) = settings.CreateSplit();

        Assert.Equal(35, settings.TrainingPoints);
        Assert.Equal(15, settings.TestPoints);
        Assert.Equal(35, train.Count);
        Assert.Equal(15, test!.Count);
        Assert.Equal(NoisyPoints.Add(Datasets.Create("xor", 50, 3), 0.3, 3).Points, settings.CreateDataset().Points);
        Assert.False(settings.IsMiniTorch);
        Assert.True(TrainingSettings.Default.IsMiniTorch);
        Assert.True((TrainingSettings.Default with { BatchSize = 50 }).IsMiniTorch);
        Assert.False((TrainingSettings.Default with { BatchSize = 49 }).IsMiniTorch);
    }

    [Fact]
    public void Settings_beyond_their_ranges_are_refused()
    {
        var settings = TrainingSettings.Default;

        Assert.Throws<ArgumentOutOfRangeException>(() => settings with { BatchSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => settings with { L2 = -1e-9 });
        Assert.Throws<ArgumentOutOfRangeException>(() => settings with { L2 = double.PositiveInfinity });
        Assert.Throws<ArgumentOutOfRangeException>(() => settings with { Noise = 0.51 });
        Assert.Throws<ArgumentOutOfRangeException>(() => settings with { TestShare = 0.91 });
        Assert.Throws<ArgumentOutOfRangeException>(() => settings with { TestShare = double.NaN });
    }

    private static List<(DataPoint, int)> Sorted(IEnumerable<(DataPoint Point, int Label)> pairs) =>
        [.. pairs.OrderBy(p => p.Point.X1).ThenBy(p => p.Point.X2)];

    private static bool IsInOrder(List<(DataPoint, int)> all, Dataset part)
    {
        var positions = part.Points.Select((p, k) => all.IndexOf((p, part.Labels[k]))).ToArray();
        return positions.SequenceEqual(positions.Order());
    }
}
