namespace MiniTorch.Tests;

/// <summary>Misusing a tape fails at once with a message that says what to do.</summary>
[Trait("Task", "1.4")]
public sealed class TapeMisuseTests
{
    [Fact]
    public void A_leaf_that_is_not_an_input_is_named()
    {
        var x = new Scalar(1.0);
        var weight = new Scalar(2.0, "weight");

        var error = Assert.Throws<ArgumentException>(() => MiniTorch.Tape.Record(x * weight, x));

        Assert.Contains("leaf scalar weight (value 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scalar.Constant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaf_created_inside_the_recorded_function_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => MiniTorch.Tape.Record(v => Scalar.Apply<Functions.Add>(v[0], 3.0), 1.0));
        Assert.Contains("not an input of the tape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_must_be_distinct_leaves()
    {
        var x = new Scalar(1.0, "x");
        var y = x * 2.0;

        Assert.Contains("is a constant", Assert.Throws<ArgumentException>(() => MiniTorch.Tape.Record(y, Scalar.Constant(1.0))).Message, StringComparison.Ordinal);
        Assert.Contains("is a computed scalar", Assert.Throws<ArgumentException>(() => MiniTorch.Tape.Record(y, x, y)).Message, StringComparison.Ordinal);
        Assert.Contains("Input 1 (scalar x) is also input 0", Assert.Throws<ArgumentException>(() => MiniTorch.Tape.Record(y, x, x)).Message, StringComparison.Ordinal);
        Assert.Contains("Input 0 is null", Assert.Throws<ArgumentException>(() => MiniTorch.Tape.Record(y, [null!])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaying_with_the_wrong_number_of_inputs_fails()
    {
        var tape = MiniTorch.Tape.Record(v => v[0] + v[1], 1.0, 2.0);

        var error = Assert.Throws<ArgumentException>(() => tape.Forward([1.0]));

        Assert.Contains("The tape has 2 input(s), but 1 value(s) were given", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => tape.Verify(v => v[0] + v[1], [1.0]));
    }

    [Fact]
    public void Slots_are_checked()
    {
        var tape = MiniTorch.Tape.Record(v => v[0] * 2.0, 1.0);

        Assert.Throws<ArgumentException>(() => tape.SlotOf(new Scalar(1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tape.ValueAt(tape.SlotCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => tape.ValueAt(-1));
    }

    [Fact]
    public void A_function_returning_null_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MiniTorch.Tape.Record(_ => null!, 1.0));
        Assert.Contains("returned null", error.Message, StringComparison.Ordinal);
    }
}
