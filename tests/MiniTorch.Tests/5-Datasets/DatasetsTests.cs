using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.5: the six datasets, their label rules, sizes and seeding.</summary>
[Trait("Task", "1.5")]
public sealed class DatasetsTests
{
    private static readonly Gen<(int Count, ulong Seed)> Sizes = Gen.Select(Gen.Int[0, 200], Gen.ULong);

    public static TheoryData<string, Func<double, double, bool>> Rules => new()
    {
        { "Simple", (x1, _) => x1 < 0.5 },
        { "Diag", (x1, x2) => x1 + x2 < 0.5 },
        { "Split", (x1, _) => x1 < 0.2 || x1 > 0.8 },
        { "Xor", (x1, x2) => (x1 < 0.5 && x2 > 0.5) || (x1 > 0.5 && x2 < 0.5) },
        { "Circle", (x1, x2) => ((x1 - 0.5) * (x1 - 0.5)) + ((x2 - 0.5) * (x2 - 0.5)) > 0.1 },
    };

    [Theory]
    [MemberData(nameof(Rules), DisableDiscoveryEnumeration = true)]
    public void Every_label_follows_the_datasets_rule(string name, Func<double, double, bool> isClassOne) =>
        Sizes.Sample((count, seed) =>
        {
            var data = Datasets.Create(name, count, seed);

            for (var k = 0; k < data.Count; k++)
            {
                var (x1, x2) = (data.Points[k].X1, data.Points[k].X2);
                Assert.Equal(isClassOne(x1, x2) ? 1 : 0, data.Labels[k]);
                Assert.True(x1 is >= 0 and < 1 && x2 is >= 0 and < 1, $"({x1}, {x2}) is outside [0, 1)²");
            }
        });

    [Theory]
    [MemberData(nameof(Rules), DisableDiscoveryEnumeration = true)]
    public void Random_points_are_drawn_x1_then_x2_from_the_seeded_generator(string name, Func<double, double, bool> isClassOne)
    {
        Assert.NotNull(isClassOne);
        var data = Datasets.Create(name, 3, 42);
        var random = new SplitMix64(42);

        Assert.All(data.Points, point => Assert.Equal(new DataPoint(random.NextDouble(), random.NextDouble()), point));
    }

    [Fact]
    public void Every_dataset_has_exactly_the_requested_number_of_points() =>
        Sizes.Sample((count, seed) =>
        {
            foreach (var name in Datasets.Names)
            {
                var data = Datasets.Create(name, count, seed);
                Assert.Equal(count, data.Count);
                Assert.Equal(count, data.Labels.Count);
                Assert.Equal(name, data.Name);
            }
        });

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data() =>
        Gen.ULong.Sample(seed =>
        {
            foreach (var name in Datasets.Names)
            {
                Assert.Equal(Datasets.Create(name, 20, seed).Points, Datasets.Create(name, 20, seed).Points);
                Assert.Equal(Datasets.Create(name, 20, seed).Labels, Datasets.Create(name, 20, seed).Labels);
            }

            Assert.NotEqual(Datasets.Xor(20, seed).Points, Datasets.Xor(20, unchecked(seed + 1)).Points);
        });

    [Fact]
    public void An_even_spiral_follows_minitorchs_formula_with_half_of_each_class()
    {
        var data = Datasets.Spiral(50);

        var t = 10.0 * (5 / 25.0);
        Assert.Equal(new DataPoint((t * Math.Cos(t) / 20.0) + 0.5, (t * Math.Sin(t) / 20.0) + 0.5), data.Points[0]);
        Assert.Equal(new DataPoint((-t * Math.Sin(-t) / 20.0) + 0.5, (-t * Math.Cos(-t) / 20.0) + 0.5), data.Points[25]);
        Assert.Equal([.. Enumerable.Repeat(0, 25), .. Enumerable.Repeat(1, 25)], data.Labels);
    }

    [Fact]
    public void An_odd_spiral_gives_class_zero_one_more_point_on_the_same_arm() =>
        Gen.Int[1, 100].Sample(half =>
        {
            var even = Datasets.Spiral(2 * half);
            var odd = Datasets.Spiral((2 * half) + 1);

            Assert.Equal(half + 1, odd.Labels.Count(l => l == 0));
            Assert.Equal(half, odd.Labels.Count(l => l == 1));
            Assert.Equal(even.Points, odd.Points.Where((_, k) => k != half));
        });

    [Fact]
    public void A_one_point_spiral_is_a_single_finite_class_zero_point()
    {
        var data = Datasets.Spiral(1);

        Assert.Equal([0], data.Labels);
        Assert.True(double.IsFinite(data.Points[0].X1) && double.IsFinite(data.Points[0].X2));
    }

    [Theory]
    [InlineData("xor", "Xor")]
    [InlineData("XOR", "Xor")]
    [InlineData("sPiRaL", "Spiral")]
    public void Names_are_looked_up_regardless_of_case(string given, string expected) =>
        Assert.Equal(expected, Datasets.Create(given, 4, 1).Name);

    [Fact]
    public void An_unknown_name_fails_listing_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Datasets.Create("moons", 10, 1));

        Assert.Contains("'moons'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Simple, Diag, Split, Xor, Circle, Spiral", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_count_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Create("simple", -1, 1));

    [Fact]
    public void A_dataset_rejects_labels_other_than_zero_and_one_and_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => new Dataset("x", [new DataPoint(0, 0)], [2]));
        Assert.Throws<ArgumentException>(() => new Dataset("x", [new DataPoint(0, 0)], []));
    }
}
