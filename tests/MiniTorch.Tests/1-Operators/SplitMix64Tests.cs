using CsCheck;

namespace MiniTorch.Tests;

/// <summary>Task 1.5: the seeded generator behind the datasets and the initial weights.</summary>
[Trait("Task", "1.5")]
public sealed class SplitMix64Tests
{
    [Fact]
    public void The_sequence_matches_the_published_splitmix64_vector()
    {
        var random = new SplitMix64(1234567);

        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => random.NextUInt64()));
    }

    [Fact]
    public void Doubles_are_the_top_53_bits_and_lie_in_the_unit_interval() =>
        Gen.ULong.Sample(seed =>
        {
            var bits = new SplitMix64(seed).NextUInt64();
            var value = new SplitMix64(seed).NextDouble();

            Assert.Equal((bits >> 11) / 9007199254740992.0, value);
            Assert.InRange(value, 0.0, 1.0);
            Assert.NotEqual(1.0, value);
        });

    [Fact]
    public void A_range_draw_stays_in_minus_one_to_one() =>
        Gen.ULong.Sample(seed =>
        {
            var value = new SplitMix64(seed).NextDouble(-1.0, 1.0);

            Assert.True(value is >= -1.0 and < 1.0, $"{value} is outside [-1, 1)");
        });

    [Fact]
    public void An_empty_or_infinite_range_is_rejected()
    {
        var random = new SplitMix64(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextDouble(1.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextDouble(0.0, double.PositiveInfinity));
    }

    [Fact]
    public void Mix_is_the_output_function_of_the_next_state() =>
        Gen.ULong.Sample(seed => Assert.Equal(SplitMix64.Mix(unchecked(seed + 0x9E3779B97F4A7C15)), new SplitMix64(seed).NextUInt64()));
}
