using CsCheck;
using static MiniTorch.Operators;

namespace MiniTorch.Tests;

/// <summary>Task 0.3: the higher-order functions and the list operations built from them.</summary>
[Trait("Task", "0.3")]
public sealed class ListOperatorsTests
{
    private static readonly Gen<double> Small = Gen.Double[-100.0, 100.0];
    private static readonly Gen<double[]> List = Small.Array[0, 20];

    [Fact]
    public void Map_applies_the_function_to_every_element() =>
        List.Sample(xs => Assert.Equal(xs.Select(x => (2 * x) + 1), Map(x => (2 * x) + 1)(xs)));

    [Fact]
    public void ZipWith_combines_pairs_in_order() =>
        Assert.Equal(new[] { 11.0, 22.0, 33.0 }, ZipWith(Add)([1.0, 2.0, 3.0], [10.0, 20.0, 30.0]));

    [Fact]
    public void ZipWith_rejects_sequences_of_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => ZipWith(Add)([1.0, 2.0], [1.0]));
        Assert.Contains("2 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reduce_is_a_left_fold_from_the_start_value()
    {
        Assert.Equal(((10.0 - 1.0) - 2.0) - 3.0, Reduce((acc, x) => acc - x, 10.0)([1.0, 2.0, 3.0]));
        Assert.Equal(7.0, Reduce(Add, 7.0)([]));
    }

    [Fact]
    public void Add_lists_adds_elementwise() =>
        Gen.Select(Small, Small, Small, Small).Sample((a, b, c, d) =>
        {
            var sums = AddLists([a, b], [c, d]);
            Expect.Close(a + c, sums[0], $"AddLists([{a}, {b}], [{c}, {d}])[0]");
            Expect.Close(b + d, sums[1], $"AddLists([{a}, {b}], [{c}, {d}])[1]");
        });

    [Fact]
    public void Sum_distributes_over_add_lists() =>
        Gen.Int[0, 20].SelectMany(n => Gen.Select(Small.Array[n], Small.Array[n])).Sample((xs, ys) =>
            Expect.Close(Sum(xs) + Sum(ys), Sum(AddLists(xs, ys)), $"Sum(AddLists(xs, ys)) for xs = [{string.Join(", ", xs)}], ys = [{string.Join(", ", ys)}]"));

    [Fact]
    public void Sum_agrees_with_linq() => List.Sample(xs => Expect.Close(xs.Sum(), Sum(xs), $"Sum([{string.Join(", ", xs)}])"));

    [Fact]
    public void Sum_of_nothing_is_zero_and_prod_of_nothing_is_one()
    {
        Assert.Equal(0.0, Sum([]));
        Assert.Equal(1.0, Prod([]));
    }

    [Fact]
    public void Prod_multiplies_every_element() =>
        Gen.Select(Small, Small, Small).Sample((x, y, z) => Expect.Close(x * y * z, Prod([x, y, z]), $"Prod([{x}, {y}, {z}])"));

    [Fact]
    public void Neg_list_negates_every_element() =>
        List.Sample(xs => Assert.Equal(xs.Select(x => -x), NegList(xs)));
}
